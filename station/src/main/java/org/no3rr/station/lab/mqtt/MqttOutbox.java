package org.no3rr.station.lab.mqtt;

import org.no3rr.station.lab.LabEvent;

import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * What waits to go to the broker, in bounded memory whatever the outage's length: the latest payload of
 * each retained topic (a newer one replaces an older one; the broker only keeps the last anyway) and a
 * queue of events that drops its <em>oldest</em> when full, counting what it drops. Runners only append
 * here, under a lock held for an append; the publisher's thread takes.
 */
final class MqttOutbox {

    /** A payload ready for one topic. */
    record Retained(String topic, String payload) {
    }

    private final int eventCapacity;
    private final ArrayDeque<LabEvent> events;
    private final Map<String, String> retained = new LinkedHashMap<>();
    private final Set<String> unsent = new LinkedHashSet<>();
    private long droppedEvents;

    MqttOutbox(int eventCapacity) {
        if (eventCapacity < 1) {
            throw new IllegalArgumentException("station.lab.mqtt.event-queue " + eventCapacity
                    + " is not allowed: at least 1 event must fit");
        }
        this.eventCapacity = eventCapacity;
        this.events = new ArrayDeque<>(Math.min(eventCapacity, 1024));
    }

    /** @return true when the queue was full and its oldest event was dropped to make room */
    synchronized boolean offer(LabEvent event) {
        boolean dropped = false;
        if (events.size() == eventCapacity) {
            events.pollFirst();
            droppedEvents++;
            dropped = true;
        }
        events.addLast(event);
        return dropped;
    }

    synchronized LabEvent nextEvent() {
        return events.pollFirst();
    }

    synchronized int waitingEvents() {
        return events.size();
    }

    synchronized long droppedEvents() {
        return droppedEvents;
    }

    /** The topic's latest payload, to be sent (again) once connected. */
    synchronized void retain(String topic, String payload) {
        retained.put(topic, payload);
        unsent.add(topic);
    }

    /** Every retained topic goes again, e.g. after a reconnect to a broker that may have forgotten them. */
    synchronized void resendAllRetained() {
        unsent.addAll(retained.keySet());
    }

    /** The next retained topic not yet sent in its latest form, or null. */
    synchronized Retained nextRetained() {
        var first = unsent.iterator();
        if (!first.hasNext()) {
            return null;
        }
        String topic = first.next();
        first.remove();
        return new Retained(topic, retained.get(topic));
    }

    /** A send failed: the topic's latest payload is due again. */
    synchronized void unsent(String topic) {
        if (retained.containsKey(topic)) {
            unsent.add(topic);
        }
    }

    synchronized int retainedTopics() {
        return retained.size();
    }
}
