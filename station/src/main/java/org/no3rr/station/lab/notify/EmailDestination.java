package org.no3rr.station.lab.notify;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import org.no3rr.station.lab.LabEventType;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * The e-mail recipients: one message to all of them per notification, subject the title, body the
 * message, the link and the event's fields. SMTP is Quarkus's mailer ({@code quarkus.mailer.*}).
 */
final class EmailDestination implements Destination {

    private final List<String> to;
    private final Set<LabEventType> events;
    private final ReactiveMailer mailer;

    EmailDestination(List<String> to, Set<LabEventType> events, ReactiveMailer mailer) {
        this.to = List.copyOf(to);
        this.events = events;
        this.mailer = mailer;
    }

    @Override
    public String name() {
        return "e-mail to " + to.size() + (to.size() == 1 ? " recipient" : " recipients");
    }

    @Override
    public Set<LabEventType> events() {
        return events;
    }

    @Override
    public CompletionStage<Void> send(Notification notification) {
        Mail mail = new Mail().setTo(to).setSubject(notification.title()).setText(body(notification));
        return mailer.send(mail).subscribeAsCompletionStage();
    }

    static String body(Notification n) {
        var e = n.event();
        return n.text() + "\n\n"
                + "station: " + e.stationId() + "\n"
                + "channel: " + e.channelId() + "\n"
                + "run: " + e.globalRunId() + "\n"
                + "event: " + e.type() + "\n"
                + "at: " + java.time.Instant.ofEpochMilli(Math.round(e.unixTimeS() * 1000)) + "\n";
    }
}
