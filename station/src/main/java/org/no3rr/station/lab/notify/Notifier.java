package org.no3rr.station.lab.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.no3rr.station.lab.LabEvent;
import org.no3rr.station.lab.LabEventType;
import org.no3rr.station.lab.LabEventView;
import org.no3rr.station.lab.LabEvents;
import org.no3rr.station.lab.LabSubscriber;
import org.no3rr.station.lab.RunLinks;
import org.no3rr.station.lab.identity.StationIdentity;

import java.net.http.HttpClient;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends prompts, faults, storage alarms and run ends (or whatever each destination chose) to webhooks and
 * by e-mail (docs/lab.md, "Notifications"). Runners only append to a bounded queue (the oldest dropped and
 * counted when full); one thread of its own ({@code lab-notify}) records each event as notified
 * ({@link SentNotifications}: once per event, restarts included), then delivers it to each destination,
 * retrying after each of {@code station.notify.retry-delays} before giving up. Failures are counted and
 * logged once per burst per destination, never thrown anywhere. Nothing runs unless a destination is set.
 */
@ApplicationScoped
public class Notifier implements LabSubscriber {

    private static final Logger LOG = Logger.getLogger(Notifier.class);
    /** Deliveries waiting for a retry at once; beyond this a failed one is given up at once. */
    static final int MAX_WAITING_RETRIES = 1000;

    @Inject
    NotifyConfig config;

    @Inject
    LabEvents lab;

    @Inject
    StationIdentity station;

    @Inject
    RunLinks links;

    @Inject
    SentNotifications sent;

    @Inject
    ObjectMapper json;

    @Inject
    Instance<ReactiveMailer> mailer;

    @Inject
    MeterRegistry metrics;

    private List<Destination> destinations = List.of();
    private final Set<LabEventType> wanted = EnumSet.noneOf(LabEventType.class);
    private ScheduledExecutorService thread;
    private ArrayDeque<LabEvent> queue;

    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong droppedEvents = new AtomicLong();
    private final AtomicLong waitingRetries = new AtomicLong();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    /** Destinations whose last attempt failed: their failures are logged once until one succeeds. */
    private final Map<Destination, Boolean> failing = new ConcurrentHashMap<>();

    void start(@Observes @Priority(50) StartupEvent event) {
        destinations = destinations();
        if (destinations.isEmpty()) {
            return;
        }
        destinations.forEach(d -> wanted.addAll(d.events()));
        queue = new ArrayDeque<>();
        thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread t = new Thread(runnable, "lab-notify");
            t.setDaemon(true);
            return t;
        });
        FunctionCounter.builder("station.notify.delivered", delivered, AtomicLong::get)
                .description("Notifications delivered (one per destination)").register(metrics);
        FunctionCounter.builder("station.notify.failed", failed, AtomicLong::get)
                .description("Notifications given up after every retry").register(metrics);
        FunctionCounter.builder("station.notify.dropped.events", droppedEvents, AtomicLong::get)
                .description("Events dropped (oldest first) because the notification queue was full").register(metrics);
        lab.subscribe(this);
        LOG.infof("Notifying %s of %s", destinations.stream().map(Destination::name).toList(), wanted);
    }

    void stop(@Observes ShutdownEvent event) {
        if (thread != null) {
            lab.unsubscribe(this);
            thread.shutdownNow();
        }
    }

    /** Whether any destination is configured. */
    public boolean enabled() {
        return thread != null;
    }

    public long delivered() {
        return delivered.get();
    }

    public long failed() {
        return failed.get();
    }

    @Override
    public void event(LabEvent event) {
        if (!wanted.contains(event.type())) {
            return;
        }
        synchronized (this) {
            if (queue.size() >= config.queue()) {
                queue.pollFirst();
                droppedEvents.incrementAndGet();
            }
            queue.addLast(event);
        }
        if (drainScheduled.compareAndSet(false, true)) {
            thread.execute(this::drain);
        }
    }

    @Override
    public void channelChanged(String channelId, boolean stateOrStep) {
        // Notifications are about events only.
    }

    private List<Destination> destinations() {
        List<Destination> all = new ArrayList<>();
        List<NotifyConfig.Webhook> hooks = config.webhooks().orElse(List.of());
        if (!hooks.isEmpty()) {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                    .followRedirects(HttpClient.Redirect.NEVER).build();
            for (int i = 0; i < hooks.size(); i++) {
                NotifyConfig.Webhook hook = hooks.get(i);
                all.add(new WebhookDestination(WebhookDestination.checkedUrl(i, hook.url()), hook.format(),
                        hook.events().orElse(NotifyConfig.DEFAULT_EVENTS), http, json));
            }
        }
        List<String> to = config.email().to().orElse(List.of());
        if (!to.isEmpty()) {
            all.add(new EmailDestination(to, config.email().events().orElse(NotifyConfig.DEFAULT_EVENTS),
                    mailer.get()));
        }
        return all;
    }

    // ---- everything below runs on the lab-notify thread ----

    private void drain() {
        drainScheduled.set(false);
        while (true) {
            LabEvent event;
            synchronized (this) {
                event = queue.pollFirst();
            }
            if (event == null) {
                return;
            }
            handle(event);
        }
    }

    private void handle(LabEvent event) {
        try {
            if (!firstTime(event)) {
                return;
            }
            Notification notification = Notification.of(LabEventView.of(event, station, links));
            for (Destination destination : destinations) {
                if (destination.events().contains(event.type())) {
                    attempt(destination, notification, 0);
                }
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "Run %d: could not notify %s", event.runId(), event.type());
        }
    }

    private boolean firstTime(LabEvent event) {
        try {
            return sent.claim(SentNotifications.key(station.globalRunId(event.runId()), event), event.runId(),
                    System.currentTimeMillis());
        } catch (SQLException e) {
            LOG.warnf("Run %d: cannot tell whether %s was already notified (%s); notifying", event.runId(),
                    event.type(), e.getMessage());
            return true;
        }
    }

    private void attempt(Destination destination, Notification notification, int retriesSoFar) {
        destination.send(notification).whenComplete((ok, error) -> {
            if (error == null) {
                delivered.incrementAndGet();
                if (failing.remove(destination) != null) {
                    LOG.infof("Notifications reach the %s again", destination.name());
                }
                return;
            }
            thread.execute(() -> failedAttempt(destination, notification, retriesSoFar, error));
        });
    }

    private void failedAttempt(Destination destination, Notification notification, int retriesSoFar, Throwable error) {
        List<Duration> delays = config.retryDelays();
        boolean retry = retriesSoFar < delays.size() && waitingRetries.get() < MAX_WAITING_RETRIES;
        if (failing.put(destination, true) == null) {
            LOG.warnf("A notification did not reach the %s: %s; %s (further failures are not logged until one "
                            + "gets through)", destination.name(), cause(error),
                    retry ? "retrying in " + delays.get(retriesSoFar).toSeconds() + " s" : "given up");
        }
        if (!retry) {
            failed.incrementAndGet();
            return;
        }
        waitingRetries.incrementAndGet();
        thread.schedule(() -> {
            waitingRetries.decrementAndGet();
            attempt(destination, notification, retriesSoFar + 1);
        }, delays.get(retriesSoFar).toMillis(), TimeUnit.MILLISECONDS);
    }

    private static String cause(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root != root.getCause()) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
