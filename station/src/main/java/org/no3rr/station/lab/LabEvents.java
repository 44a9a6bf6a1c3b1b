package org.no3rr.station.lab;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Where the runs' news reaches the lab's subscribers. A station with no lab key configured has no
 * subscriber, and then {@link LabFeedDecorator} does nothing at all.
 */
@ApplicationScoped
public class LabEvents {

    private static final Logger LOG = Logger.getLogger(LabEvents.class);

    private final List<LabSubscriber> subscribers = new CopyOnWriteArrayList<>();

    public void subscribe(LabSubscriber subscriber) {
        subscribers.add(subscriber);
    }

    public void unsubscribe(LabSubscriber subscriber) {
        subscribers.remove(subscriber);
    }

    public boolean hasSubscribers() {
        return !subscribers.isEmpty();
    }

    /** Hands a run's event to every subscriber; called by {@link LabFeedDecorator} on the runner's thread. */
    void publish(LabEvent event) {
        for (LabSubscriber subscriber : subscribers) {
            try {
                subscriber.event(event);
            } catch (RuntimeException e) {
                LOG.warnf("Run %d: a lab subscriber refused an event: %s", event.runId(), e.toString());
            }
        }
    }

    void channelChanged(String channelId, boolean stateOrStep) {
        for (LabSubscriber subscriber : subscribers) {
            try {
                subscriber.channelChanged(channelId, stateOrStep);
            } catch (RuntimeException e) {
                LOG.warnf("Channel %s: a lab subscriber refused a status change: %s", channelId, e.toString());
            }
        }
    }
}
