package org.no3rr.station.lab.notify;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import org.no3rr.station.lab.LabEventType;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Notifications under {@code station.notify.*} (docs/lab.md, "Notifications"): by webhook and by e-mail.
 * Nothing is sent, and nothing runs, while neither a webhook nor an e-mail recipient is configured.
 */
@ConfigMapping(prefix = "station.notify")
public interface NotifyConfig {

    /** The events notified when a destination names none. */
    Set<LabEventType> DEFAULT_EVENTS = Set.of(LabEventType.PROMPT, LabEventType.FAULT, LabEventType.ALARM,
            LabEventType.RUN_ENDED);

    /** {@code station.notify.webhooks[0].url=…}, {@code [1]…}: each gets a POST per notified event. */
    Optional<List<Webhook>> webhooks();

    Email email();

    /** Waits before each retry of a failed delivery; after the last, it is given up, logged and counted. */
    @WithDefault("1s,5s,30s,2m,10m")
    List<Duration> retryDelays();

    /** Events waiting to be handled; beyond this the oldest are dropped and counted. */
    @WithDefault("200")
    int queue();

    interface Webhook {
        /** Where to POST, e.g. {@code https://ntfy.sh/my-lab} or a Slack/Mattermost/Teams incoming webhook. */
        String url();

        /** Which events: any of PROMPT, FAULT, ALARM, RUN_ENDED (default) and the other event types. */
        Optional<Set<LabEventType>> events();

        /** {@code json} (default; title, message, runUrl and the event's fields), {@code ntfy} or {@code slack} ({"text"}). */
        @WithDefault("json")
        WebhookFormat format();
    }

    interface Email {
        /** Recipients; SMTP itself is Quarkus's {@code quarkus.mailer.*} (host, port, from, credentials). */
        Optional<List<String>> to();

        /** Which events, as for a webhook. */
        Optional<Set<LabEventType>> events();
    }
}
