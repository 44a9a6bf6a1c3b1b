package org.no3rr.station.bench;

import io.netty.handler.codec.mqtt.MqttQoS;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;
import org.no3rr.station.lab.FreePorts;
import org.no3rr.station.lab.MosquittoBroker;
import org.no3rr.station.packaged.StationProcess;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Benchmark, not a test: what a station's live status costs a lab's Mosquitto (docs/benchmarks.md).
 *
 * <p>Part 1: the packaged station with 16 simulated channels, each running a discharge, publishing to a local
 * Mosquitto while one dashboard ({@code mosquitto_sub}) subscribes to {@code no3rr/#}; once with a reading every second, once every
 * 100 ms. Prints the messages and bytes the broker received per second, per topic, and the broker's CPU.
 *
 * <p>Part 2: the ceiling of the publisher's transport — the same Vert.x MQTT client, options and 64-message
 * QoS 1 window as {@code LabMqttPublisher}, publishing a real channel payload as fast as the broker
 * acknowledges it, with the same subscriber.
 *
 * <p>Usage: {@code LabMqttBenchmark [seconds-per-part-1-run=60] [messages-part-2=200000]}.
 */
public final class LabMqttBenchmark {

    private static final int CHANNELS = 16;
    private static final int WINDOW = 64;

    private LabMqttBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int messages = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
        Path dir = Files.createTempDirectory("no3rr-mqtt-bench");
        String payload = null;
        for (String interval : List.of("1s", "100ms")) {
            payload = station(dir, interval, seconds);
        }
        ceiling(payload, messages);
        System.exit(0);
    }

    /** @return the last payload of ch1's topic, for part 2 */
    private static String station(Path dir, String interval, int seconds) throws Exception {
        try (MosquittoBroker broker = new MosquittoBroker(FreePorts.next())) {
            broker.start();
            Subscriber dashboard = new Subscriber(broker.port());
            StationProcess station = new StationProcess(dir.resolve("data-" + interval), FreePorts.next(), List.of(
                    "-Dstation.channels=" + String.join(",", Collections.nCopies(CHANNELS, "zn-nitrate-battery")),
                    "-Dstation.reading-interval=" + interval, "-Dstation.simulation.speed=1",
                    "-Dstation.id=bench-lab", "-Dstation.lab.mqtt.url=tcp://127.0.0.1:" + broker.port()));
            station.start();
            try {
                for (int ch = 1; ch <= CHANNELS; ch++) {
                    station.post("/api/runs", "{\"channel\":\"ch" + ch + "\",\"protocol\":\"Discharge at 1 mA/cm2 for "
                            + (seconds + 30) + " s\",\"cell\":{\"areaCm2\":1}}");
                }
                Thread.sleep(5000);
                Map<String, long[]> before = dashboard.snapshot();
                double publishedBefore = published(station);
                double cpuBefore = broker.cpuSeconds();
                long start = System.nanoTime();
                Thread.sleep(seconds * 1000L);
                double elapsed = (System.nanoTime() - start) / 1e9;
                Map<String, long[]> after = dashboard.snapshot();
                double cpu = broker.cpuSeconds() - cpuBefore;
                report(interval, elapsed, before, after, cpu);
                System.out.printf("  the station counted %.0f messages acknowledged by the broker%n",
                        published(station) - publishedBefore);
                return dashboard.lastCh1;
            } finally {
                station.stop();
                dashboard.close();
            }
        }
    }

    private static double published(StationProcess station) throws Exception {
        return station.get("/q/metrics").lines().filter(l -> l.startsWith("station_lab_mqtt_published_total "))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.indexOf(' ') + 1))).findFirst().orElse(Double.NaN);
    }

    private static void report(String interval, double elapsed, Map<String, long[]> before, Map<String, long[]> after,
                               double cpu) {
        System.out.printf("%n16 channels, a reading every %s, %.1f s:%n", interval, elapsed);
        long total = 0;
        long bytes = 0;
        for (var e : after.entrySet()) {
            long[] b = before.getOrDefault(e.getKey(), new long[2]);
            long n = e.getValue()[0] - b[0];
            long size = e.getValue()[1] - b[1];
            total += n;
            bytes += size;
            System.out.printf("  %-22s %8.2f msg/s %9.0f B/s%n", e.getKey(), n / elapsed, size / elapsed);
        }
        System.out.printf("  %-22s %8.2f msg/s %9.0f B/s; broker CPU %.3f %% of one core (%.1f µs per message)%n",
                "all", total / elapsed, bytes / elapsed, 100 * cpu / elapsed, total == 0 ? 0 : 1e6 * cpu / total);
    }

    private static void ceiling(String payload, int messages) throws Exception {
        try (MosquittoBroker broker = new MosquittoBroker(FreePorts.next())) {
            broker.start();
            Subscriber dashboard = new Subscriber(broker.port());
            Vertx vertx = Vertx.vertx();
            MqttClient client = MqttClient.create(vertx, new MqttClientOptions().setClientId("no3rr-bench-lab")
                    .setCleanSession(true).setKeepAliveInterval(10).setMaxInflightQueue(WINDOW * 2));
            Semaphore window = new Semaphore(WINDOW);
            client.publishCompletionHandler(id -> window.release());
            client.connect(broker.port(), "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            Buffer body = Buffer.buffer(payload);
            var context = vertx.getOrCreateContext();
            double cpuBefore = broker.cpuSeconds();
            long start = System.nanoTime();
            for (int i = 0; i < messages; i++) {
                window.acquire();
                String topic = "no3rr/bench-lab/channels/ch" + (1 + i % CHANNELS);
                context.runOnContext(v -> client.publish(topic, body, MqttQoS.AT_LEAST_ONCE, false, true));
            }
            window.acquire(WINDOW);
            double acked = (System.nanoTime() - start) / 1e9;
            // Mosquitto queues at most 1000 messages for a subscriber that lags (max_queued_messages) and drops
            // the rest: wait until the subscriber has all, or receives no more for a second.
            long seen = -1;
            while (dashboard.count.get() < messages && dashboard.count.get() != seen) {
                seen = dashboard.count.get();
                Thread.sleep(1000);
            }
            double delivered = (System.nanoTime() - start) / 1e9;
            double cpu = broker.cpuSeconds() - cpuBefore;
            System.out.printf("%nCeiling: %d retained QoS 1 messages of %d B, window %d:%n", messages,
                    payload.getBytes(StandardCharsets.UTF_8).length, WINDOW);
            System.out.printf("  all acknowledged after %.2f s: %.0f msg/s; %d at the subscriber after %.2f s%n", acked,
                    messages / acked, dashboard.count.get(), delivered);
            System.out.printf("  broker CPU %.2f s: %.1f µs per message (received and delivered once)%n", cpu,
                    1e6 * cpu / messages);
            client.disconnect();
            dashboard.close();
            vertx.close();
        }
    }

    /**
     * A dashboard on {@code no3rr/#}: Debian's {@code mosquitto_sub} at QoS 1, one line per message, counted per
     * topic (the channel's number folded away).
     */
    private static final class Subscriber implements AutoCloseable {
        final Process process;
        final Map<String, long[]> byTopic = new ConcurrentHashMap<>();
        final AtomicLong count = new AtomicLong();
        volatile String lastCh1;

        Subscriber(int port) throws Exception {
            process = new ProcessBuilder("mosquitto_sub", "-h", "127.0.0.1", "-p", Integer.toString(port), "-q", "1",
                    "-t", "no3rr/#", "-v").redirectErrorStream(true).start();
            Thread reader = new Thread(this::read, "dashboard");
            reader.setDaemon(true);
            reader.start();
            Thread.sleep(500);
        }

        private void read() {
            try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    int space = line.indexOf(' ');
                    String topic = line.substring(0, space).replaceAll("/ch\\d+$", "/<channel>");
                    long[] seen = byTopic.computeIfAbsent(topic, t -> new long[2]);
                    synchronized (seen) {
                        seen[0]++;
                        seen[1] += line.length() - space - 1;
                    }
                    count.incrementAndGet();
                    if (line.startsWith("no3rr/bench-lab/channels/ch1 ")) {
                        lastCh1 = line.substring(space + 1);
                    }
                }
            } catch (java.io.IOException e) {
                // the process ended
            }
        }

        Map<String, long[]> snapshot() {
            Map<String, long[]> copy = new TreeMap<>();
            byTopic.forEach((topic, seen) -> {
                synchronized (seen) {
                    copy.put(topic, seen.clone());
                }
            });
            return copy;
        }

        @Override
        public void close() throws Exception {
            process.destroy();
            process.waitFor();
        }
    }
}
