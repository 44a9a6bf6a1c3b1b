package org.no3rr.station.lab.instance;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.no3rr.station.config.StationConfig;
import org.no3rr.station.lab.LabConfig;
import org.no3rr.station.lab.identity.StationIdentity;
import org.no3rr.station.lab.mqtt.MqttCloseReason;

import java.net.URI;
import java.time.Clock;
import java.util.Map;

/**
 * The lab instance's ears: subscribes (QoS 1) to every station's {@code status}, {@code channels/+} and
 * {@code events} topics on {@code station.lab.mqtt.url} and feeds {@link LabLiveState}. Only with
 * {@code station.role=lab} and the URL set. A lost broker is logged once and reconnected with backoff
 * (1 s doubling to 30 s, back to 1 s once a connection has lasted 30 s, so one that keeps failing is not
 * retried every second); the stations republish their retained topics when they reconnect, and the broker
 * hands the retained ones to this new subscription.
 */
@ApplicationScoped
public class LabMqttFollower {

    private static final Logger LOG = Logger.getLogger(LabMqttFollower.class);
    static final Map<String, Integer> TOPICS = Map.of("no3rr/+/status", 1, "no3rr/+/channels/+", 1,
            "no3rr/+/events", 1);
    private static final long FIRST_RETRY_MS = 1000;
    private static final long LONGEST_RETRY_MS = 30_000;
    /** A larger message closes the connection (docs/lab.md: the broker's max_packet_size keeps them out). */
    static final int LARGEST_MESSAGE_BYTES = 65_536;

    /** Whether the lab follows a broker, and whether it is connected now. */
    public enum Broker { OFF, CONNECTED, UNREACHABLE }

    @Inject
    StationConfig station;

    @Inject
    LabConfig lab;

    @Inject
    StationIdentity identity;

    @Inject
    Vertx vertx;

    @Inject
    ObjectMapper json;

    private LabLiveState state;
    private volatile Broker broker = Broker.OFF;
    private volatile boolean stopping;
    private volatile MqttClient client;
    private String host;
    private int port;
    private boolean ssl;
    private long retryMs = FIRST_RETRY_MS;
    private long subscribedAtNanos;
    private boolean outageLogged;

    void start(@Observes StartupEvent event) {
        state = new LabLiveState(json, Clock.systemUTC());
        if (station.role() != StationConfig.Role.LAB || lab.mqtt().url().isEmpty()) {
            return;
        }
        URI uri = URI.create(lab.mqtt().url().get());
        ssl = "ssl".equals(uri.getScheme());
        if (!ssl && !"tcp".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("station.lab.mqtt.url is '" + uri + "'; allowed: tcp://host:port or "
                    + "ssl://host:port, e.g. tcp://lab-server:1883");
        }
        host = uri.getHost();
        port = uri.getPort() > 0 ? uri.getPort() : ssl ? 8883 : 1883;
        broker = Broker.UNREACHABLE;
        connect();
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
        MqttClient c = client;
        if (c != null && c.isConnected()) {
            c.disconnect();
        }
    }

    public LabLiveState state() {
        return state;
    }

    public Broker broker() {
        return broker;
    }

    private void connect() {
        if (stopping) {
            return;
        }
        MqttClientOptions options = new MqttClientOptions().setClientId("no3rr-lab-" + identity.stationId())
                .setCleanSession(true).setAutoKeepAlive(true).setKeepAliveInterval(30)
                .setMaxMessageSize(LARGEST_MESSAGE_BYTES);
        options.setSsl(ssl);
        options.setConnectTimeout(10_000);
        lab.mqtt().username().ifPresent(options::setUsername);
        lab.mqtt().password().ifPresent(options::setPassword);
        MqttClient c = MqttClient.create(vertx, options);
        c.publishHandler(message -> state.accept(message.topicName(), message.payload().getBytes()));
        MqttCloseReason reason = MqttCloseReason.of(c);
        c.closeHandler(closed -> lost(c, reason.text()));
        client = c;
        c.connect(port, host, connected -> {
            if (connected.failed()) {
                lost(c, connected.cause().getMessage());
                return;
            }
            c.subscribe(TOPICS, subscribed -> {
                if (subscribed.failed()) {
                    c.disconnect();
                    return;
                }
                broker = Broker.CONNECTED;
                subscribedAtNanos = System.nanoTime();
                if (outageLogged) {
                    LOG.infof("The lab's broker %s:%d answers again", host, port);
                    outageLogged = false;
                }
            });
        });
    }

    /** Once per client: a failed connect and its close both arrive here. */
    private void lost(MqttClient c, String reason) {
        if (c != client || stopping) {
            return;
        }
        client = null;
        broker = Broker.UNREACHABLE;
        if (subscribedAtNanos != 0 && System.nanoTime() - subscribedAtNanos >= LONGEST_RETRY_MS * 1_000_000) {
            retryMs = FIRST_RETRY_MS; // it had been up a while: an outage, not a connection that keeps failing
        }
        subscribedAtNanos = 0;
        if (!outageLogged) {
            LOG.warnf("The lab's broker %s:%d is unreachable (%s); the lab page shows the last state it heard, "
                    + "retrying every %d s at first", host, port, reason, retryMs / 1000);
            outageLogged = true;
        }
        long wait = retryMs;
        retryMs = Math.min(retryMs * 2, LONGEST_RETRY_MS);
        vertx.setTimer(wait, t -> connect());
    }
}
