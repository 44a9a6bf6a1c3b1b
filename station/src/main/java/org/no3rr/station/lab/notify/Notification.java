package org.no3rr.station.lab.notify;

import org.no3rr.station.lab.LabEventView;

/**
 * What a person is told: a one-line {@code title} ("bench-2/17 on ch1 asks"), the event's message in
 * its words, and the event as the lab shows it (its {@code runUrl} among them). Holds what the page shows
 * a viewer of the run and nothing more: never a token, a password or a webhook's address.
 */
record Notification(String title, LabEventView event) {

    static Notification of(LabEventView event) {
        return new Notification(title(event), event);
    }

    /** The text of a plain message: the message, then the link when there is one. */
    String text() {
        return event.runUrl() == null ? event.message() : event.message() + "\n" + event.runUrl();
    }

    private static String title(LabEventView e) {
        String run = e.globalRunId() + " on " + e.channelId();
        return switch (e.type()) {
            case PROMPT -> run + " asks";
            case ANSWER -> run + " was answered";
            case FAULT -> run + " faulted";
            case ALARM -> run + ": storage alarm";
            case RUN_ENDED -> run + " ended";
            case PAUSED -> run + " paused";
            case RESUMED -> run + " resumed";
            case STEP_STARTED -> run + ": a step started";
            case STEP_ENDED -> run + ": a step ended";
        };
    }
}
