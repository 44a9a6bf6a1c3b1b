package org.no3rr.station.lab.mqtt;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When a channel's topic goes again: at once after a state or step change, otherwise at most once an
 * interval (its latest reading). Runners mark channels {@link #changed}; the publisher's thread asks
 * {@link #due}.
 */
final class ChannelSchedule {

    private final long intervalMillis;
    /** Channels whose status changed since their topic was last built: true when a state or step changed. */
    private final Map<String, Boolean> changed = new ConcurrentHashMap<>();
    /** Owned by the publisher's thread. */
    private final Map<String, Long> builtAt = new HashMap<>();

    ChannelSchedule(long intervalMillis) {
        this.intervalMillis = intervalMillis;
    }

    /** The channel's status changed; {@code stateOrStep} when its state or step did. */
    void changed(String channelId, boolean stateOrStep) {
        changed.merge(channelId, stateOrStep, Boolean::logicalOr);
    }

    /** Whether the channel's topic is to be built at {@code nowMillis}; if so it counts as built then. */
    boolean due(String channelId, long nowMillis) {
        Boolean urgent = changed.get(channelId);
        if (urgent == null) {
            return false;
        }
        Long at = builtAt.get(channelId);
        if (!urgent && at != null && nowMillis - at < intervalMillis) {
            return false;
        }
        changed.remove(channelId);
        builtAt.put(channelId, nowMillis);
        return true;
    }
}
