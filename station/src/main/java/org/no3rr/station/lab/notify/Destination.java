package org.no3rr.station.lab.notify;

import org.no3rr.station.lab.LabEventType;

import java.util.Set;
import java.util.concurrent.CompletionStage;

/** Somewhere notifications go: a webhook or the e-mail recipients. */
interface Destination {

    /** How logs name it: never a secret (a webhook's path can hold its token, so only scheme and host). */
    String name();

    Set<LabEventType> events();

    /** Sends once; completes exceptionally, with a message fit for the log, when it did not arrive. */
    CompletionStage<Void> send(Notification notification);
}
