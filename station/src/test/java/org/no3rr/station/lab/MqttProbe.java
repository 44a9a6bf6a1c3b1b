package org.no3rr.station.lab;

import io.netty.handler.codec.mqtt.MqttQoS;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A lab-side subscriber, as a dashboard would be: Vert.x's MQTT client on {@code no3rr/#}, keeping every message. */
public final class MqttProbe implements AutoCloseable {

    /** One message as received: its topic, JSON payload and whether the broker delivered it as retained. */
    public record Received(String topic, JsonObject json, boolean retained) {
    }

    private final Vertx vertx = Vertx.vertx();
    private final MqttClient client;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    public MqttProbe(int port) throws Exception {
        client = MqttClient.create(vertx, new MqttClientOptions().setClientId("probe-" + System.nanoTime()));
        client.publishHandler(m -> received.add(new Received(m.topicName(), new JsonObject(m.payload()), m.isRetain())));
        client.connect(port, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        client.subscribe("no3rr/#", MqttQoS.AT_LEAST_ONCE.value()).toCompletionStage().toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
    }

    public List<Received> on(String topic) {
        List<Received> out = new ArrayList<>();
        for (Received r : received) {
            if (r.topic().equals(topic)) {
                out.add(r);
            }
        }
        return out;
    }

    /** The latest message on the topic, or null. */
    public JsonObject latest(String topic) {
        List<Received> all = on(topic);
        return all.isEmpty() ? null : all.get(all.size() - 1).json();
    }

    public List<JsonObject> matching(String topic, Predicate<JsonObject> filter) {
        return on(topic).stream().map(Received::json).filter(filter).toList();
    }

    @Override
    public void close() throws Exception {
        if (client.isConnected()) {
            client.disconnect().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        }
        vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    }
}
