package org.no3rr.station.lab.mqtt;

import org.no3rr.station.lab.LabConfig;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;
import io.netty.handler.codec.mqtt.MqttQoS;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.no3rr.station.channel.ChannelManager;
import org.no3rr.station.hardware.StationChannel;
import org.no3rr.station.lab.LabEvent;
import org.no3rr.station.lab.LabEvents;
import org.no3rr.station.lab.LabSubscriber;
import org.no3rr.station.lab.RunLinks;
import org.no3rr.station.lab.identity.StationIdentity;
import org.no3rr.station.store.RunStore;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes the station's live status to the lab's MQTT broker (docs/lab.md, "MQTT topics") with the
 * Vert.x MQTT client — the one SmallRye's MQTT connector runs on; docs/lab.md says why not the connector.
 * Nothing of it exists unless {@code station.lab.mqtt.url} is set.
 *
 * <p>Threads: runners only append to the {@link MqttOutbox} and mark channels changed
 * ({@link ChannelSchedule}); one thread of its own ({@code lab-mqtt}) builds payloads from the channels'
 * status ({@link LabMessages}) and hands messages to the client on its Vert.x context; the client's
 * callbacks come back to that thread. A broker that is slow, gone or refusing costs a runner nothing:
 * the outbox is bounded, and the in-flight window ({@value #MAX_IN_FLIGHT} QoS 1 messages without PUBACK)
 * bounds what the client holds.
 *
 * <p>On every (re)connection the status and every channel topic go again, since a restarted broker may
 * have forgotten retained messages. Channel topics go on every state or step change and at most once a
 * second otherwise (the latest reading).
 */
@ApplicationScoped
public class LabMqttPublisher implements LabSubscriber {

    private static final Logger LOG = Logger.getLogger(LabMqttPublisher.class);
    static final int MAX_IN_FLIGHT = 64;
    private static final long CHANNEL_INTERVAL_MILLIS = 1000;
    private static final long SHUTDOWN_WAIT_MILLIS = 2000;
    /** A broker that takes the TCP connection but never answers CONNECT is given up after this long. */
    private static final long CONNACK_WAIT_MILLIS = 10_000;

    @Inject
    LabConfig config;

    @Inject
    StationIdentity station;

    @Inject
    RunLinks links;

    @Inject
    LabEvents lab;

    @Inject
    ChannelManager channels;

    @Inject
    RunStore runs;

    @Inject
    ObjectMapper json;

    @Inject
    Vertx vertx;

    @Inject
    MeterRegistry metrics;

    @ConfigProperty(name = "quarkus.application.version", defaultValue = "unknown")
    String version;

    private BrokerAddress broker;
    private MqttTopics topics;
    private LabMessages messages;
    private MqttOutbox outbox;
    private ScheduledExecutorService thread;
    private Context context;

    private final ChannelSchedule channelSchedule = new ChannelSchedule(CHANNEL_INTERVAL_MILLIS);
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong failedSends = new AtomicLong();

    // Owned by the lab-mqtt thread.
    private MqttClient client;
    private volatile boolean connected;
    private boolean stopping;
    private long reconnectDelayMillis;
    private boolean refusalLogged;
    private boolean dropLogged;
    private long droppedAtOutageStart;

    /** Runs after the channels exist (ChannelManager at priority 1). */
    void start(@Observes @Priority(50) StartupEvent event) {
        if (config.mqtt().url().isEmpty()) {
            return;
        }
        broker = BrokerAddress.parse(config.mqtt().url().get());
        topics = new MqttTopics(station.stationId());
        messages = new LabMessages(new LabPayloads(json, station.stationId()), station, links, channels, runs,
                version);
        outbox = new MqttOutbox(config.mqtt().eventQueue());
        reconnectDelayMillis = config.mqtt().reconnectMin().toMillis();
        thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread t = new Thread(runnable, "lab-mqtt");
            t.setDaemon(true);
            return t;
        });
        context = vertx.getOrCreateContext();
        registerMetrics();
        for (StationChannel channel : channels.channels()) {
            channelSchedule.changed(channel.id(), true);
        }
        lab.subscribe(this);
        thread.scheduleWithFixedDelay(this::drain, CHANNEL_INTERVAL_MILLIS, CHANNEL_INTERVAL_MILLIS,
                TimeUnit.MILLISECONDS);
        thread.execute(this::connect);
        LOG.infof("Publishing live status as station '%s' to the MQTT broker %s (topics no3rr/%s/…)",
                station.stationId(), broker, station.stationId());
    }

    /** Whether the publisher runs at all (station.lab.mqtt.url set). */
    public boolean enabled() {
        return outbox != null;
    }

    public boolean connected() {
        return connected;
    }

    /** Events dropped because the broker was unreachable longer than the event queue lasts. */
    public long droppedEvents() {
        return outbox == null ? 0 : outbox.droppedEvents();
    }

    @Override
    public void event(LabEvent event) {
        outbox.offer(event);
        wake();
    }

    @Override
    public void channelChanged(String channelId, boolean stateOrStep) {
        channelSchedule.changed(channelId, stateOrStep);
        if (stateOrStep) {
            wake();
        }
    }

    /** At a clean shutdown: offline, said with the time, then a DISCONNECT so the broker keeps the Last Will to itself. */
    void stop(@Observes @Priority(20) ShutdownEvent event) {
        if (thread == null) {
            return;
        }
        lab.unsubscribe(this);
        CompletableFuture<Void> said = new CompletableFuture<>();
        thread.execute(() -> sayOffline(said));
        try {
            said.get(SHUTDOWN_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            LOG.infof("Could not tell the MQTT broker that the station goes offline (%s); its Last Will will",
                    e.toString());
        }
        thread.shutdownNow();
    }

    private void wake() {
        if (drainScheduled.compareAndSet(false, true)) {
            thread.execute(() -> {
                drainScheduled.set(false);
                drain();
            });
        }
    }

    // ---- everything below runs on the lab-mqtt thread ----

    private void drain() {
        try {
            buildChangedChannels(System.currentTimeMillis());
            if (connected) {
                logOutageEnd();
                send();
            } else {
                logOutageStart();
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "The MQTT publisher stumbled; it carries on");
        }
    }

    private void buildChangedChannels(long now) {
        for (StationChannel channel : channels.channels()) {
            if (channelSchedule.due(channel.id(), now)) {
                outbox.retain(topics.channel(channel.id()), messages.channel(channel, now));
            }
        }
    }

    private void send() {
        MqttOutbox.Retained retained;
        while (inFlight.get() < MAX_IN_FLIGHT && (retained = outbox.nextRetained()) != null) {
            String topic = retained.topic();
            publish(topic, retained.payload(), true, () -> outbox.unsent(topic));
        }
        LabEvent event;
        while (inFlight.get() < MAX_IN_FLIGHT && (event = outbox.nextEvent()) != null) {
            publish(topics.events(), messages.event(event), false, () -> {
            });
        }
    }

    private void publish(String topic, String payload, boolean retain, Runnable onFailure) {
        MqttClient target = client;
        inFlight.incrementAndGet();
        context.runOnContext(v -> target.publish(topic, Buffer.buffer(payload), MqttQoS.AT_LEAST_ONCE, false, retain)
                .onFailure(error -> thread.execute(() -> {
                    inFlight.updateAndGet(n -> Math.max(0, n - 1));
                    failedSends.incrementAndGet();
                    onFailure.run();
                })));
    }

    private void connect() {
        if (stopping) {
            return;
        }
        MqttClient attempt = MqttClient.create(vertx, options());
        attempt.publishCompletionHandler(packetId -> acknowledged());
        attempt.publishCompletionExpirationHandler(packetId -> acknowledged());
        MqttCloseReason reason = MqttCloseReason.of(attempt);
        attempt.closeHandler(v -> thread.execute(() -> lost(attempt, reason.text())));
        AtomicBoolean settled = new AtomicBoolean();
        context.runOnContext(v -> attempt.connect(broker.port(), broker.host()).onComplete(result -> thread.execute(
                () -> {
                    if (!settled.compareAndSet(false, true)) {
                        if (result.succeeded()) {
                            context.runOnContext(x -> attempt.disconnect());
                        }
                    } else if (result.succeeded()) {
                        connected(attempt);
                    } else {
                        refused(result.cause());
                    }
                })));
        thread.schedule(() -> {
            if (settled.compareAndSet(false, true)) {
                refused(new IllegalStateException("no answer to CONNECT within " + CONNACK_WAIT_MILLIS + " ms"));
            }
        }, CONNACK_WAIT_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void acknowledged() {
        published.incrementAndGet();
        inFlight.updateAndGet(n -> Math.max(0, n - 1));
        wake();
    }

    private void connected(MqttClient connection) {
        client = connection;
        connected = true;
        inFlight.set(0);
        reconnectDelayMillis = config.mqtt().reconnectMin().toMillis();
        outbox.retain(topics.status(), messages.online(System.currentTimeMillis()));
        outbox.resendAllRetained();
        LOG.infof("Connected to the MQTT broker %s", broker);
        drain();
    }

    private void lost(MqttClient connection, String reason) {
        if (connection != client || !connected) {
            return;
        }
        connected = false;
        inFlight.set(0);
        if (!stopping) {
            LOG.warnf("Lost the MQTT broker %s (%s); connecting again in %d ms (runs are not affected)", broker,
                    reason, reconnectDelayMillis);
            scheduleReconnect();
        }
    }

    private void refused(Throwable cause) {
        if (!refusalLogged) {
            LOG.warnf("Cannot reach the MQTT broker %s: %s; trying again, up to every %d s (runs are not affected)",
                    broker, cause.getMessage(), config.mqtt().reconnectMax().toSeconds());
        }
        refusalLogged = true;
        scheduleReconnect();
    }

    private void scheduleReconnect() {
        if (stopping) {
            return;
        }
        long delay = reconnectDelayMillis;
        reconnectDelayMillis = Math.min(reconnectDelayMillis * 2, config.mqtt().reconnectMax().toMillis());
        thread.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
    }

    private void logOutageStart() {
        if (!dropLogged && outbox.droppedEvents() > droppedAtOutageStart) {
            LOG.warnf("The MQTT broker %s is unreachable and the event queue (%d) is full: the oldest events are "
                    + "dropped and counted in station_lab_mqtt_dropped_events_total", broker, config.mqtt().eventQueue());
            dropLogged = true;
        }
    }

    private void logOutageEnd() {
        long dropped = outbox.droppedEvents() - droppedAtOutageStart;
        if (dropped > 0) {
            LOG.infof("%d events were dropped while the MQTT broker was unreachable", dropped);
        }
        droppedAtOutageStart = outbox.droppedEvents();
        dropLogged = false;
        refusalLogged = false;
    }

    private void sayOffline(CompletableFuture<Void> said) {
        stopping = true;
        MqttClient connection = client;
        if (!connected || connection == null) {
            said.complete(null);
            return;
        }
        String offline = messages.offline(System.currentTimeMillis());
        // PUBLISH then DISCONNECT on one TCP connection: the broker handles them in that order.
        context.runOnContext(v -> connection.publish(topics.status(), Buffer.buffer(offline), MqttQoS.AT_LEAST_ONCE,
                        false, true)
                .compose(packetId -> connection.disconnect())
                .onComplete(done -> said.complete(null)));
    }

    private MqttClientOptions options() {
        MqttClientOptions options = new MqttClientOptions()
                .setClientId("no3rr-" + station.stationId())
                .setCleanSession(true)
                .setKeepAliveInterval(10)
                .setMaxInflightQueue(MAX_IN_FLIGHT * 2)
                .setWillFlag(true)
                .setWillTopic(topics.status())
                .setWillQoS(MqttQoS.AT_LEAST_ONCE.value())
                .setWillRetain(true)
                .setAckTimeout(30);
        options.setWillMessageBytes(Buffer.buffer(messages.offline(null)));
        options.setConnectTimeout(5000);
        options.setSsl(broker.tls());
        config.mqtt().username().ifPresent(options::setUsername);
        config.mqtt().password().ifPresent(options::setPassword);
        return options;
    }

    private void registerMetrics() {
        FunctionCounter.builder("station.lab.mqtt.dropped.events", this, LabMqttPublisher::droppedEvents)
                .description("Events dropped (oldest first) while the MQTT broker was unreachable").register(metrics);
        FunctionCounter.builder("station.lab.mqtt.published", published, AtomicLong::get)
                .description("Messages the MQTT broker acknowledged").register(metrics);
        FunctionCounter.builder("station.lab.mqtt.failed.sends", failedSends, AtomicLong::get)
                .description("Messages the MQTT client could not send").register(metrics);
        Gauge.builder("station.lab.mqtt.connected", this, p -> p.connected ? 1 : 0)
                .description("1 while connected to the MQTT broker").register(metrics);
        Gauge.builder("station.lab.mqtt.queued.events", this, p -> p.outbox.waitingEvents())
                .description("Events waiting for the MQTT broker").register(metrics);
    }
}
