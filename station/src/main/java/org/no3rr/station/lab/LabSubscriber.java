package org.no3rr.station.lab;

/**
 * Something of the lab that follows the station's runs: the MQTT publisher, the notifier. Both methods
 * are called on a runner's thread: they must only hand the news over (a few appends under a lock) and
 * return, never wait, never throw.
 */
public interface LabSubscriber {

    /** A run's event. */
    void event(LabEvent event);

    /**
     * A channel's live status changed ({@code ChannelManager.lastStatus}).
     *
     * @param stateOrStep true when its state or step changed, false for a new reading only
     */
    void channelChanged(String channelId, boolean stateOrStep);
}
