package org.no3rr.station.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.no3rr.station.packaged.StationProcess;

import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

/**
 * Benchmark, not a test: the packaged station in real time with four simulated channels running
 * different protocols at 10 samples/s each, while 50 clients hold the live stream. Prints, per
 * client, whether it received every stored sample, and the latency from a sample's reading to its
 * arrival at a client (p50, p99, max). See docs/benchmarks.md for the command.
 *
 * <p>Usage: {@code StreamLatencyBenchmark [seconds-per-run=60] [clients=50]}.
 */
public final class StreamLatencyBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] PROTOCOLS = {
        "{\"channel\":\"ch1\",\"protocol\":\"Discharge at 2 mA/cm2 for %d s\",\"cell\":{\"areaCm2\":1}}",
        "{\"channel\":\"ch2\",\"protocol\":\"Rest for %d s\",\"cell\":{\"areaCm2\":1}}",
        "{\"channel\":\"ch3\",\"protocol\":\"Hold at -0.4 V vs Ag/AgCl for %d s\",\"cell\":{\"areaCm2\":1}}",
        "{\"channel\":\"ch4\",\"protocol\":\"Discharge at 20 mA/cm2 for %d s\",\"cell\":{\"areaCm2\":1}}"};

    private StreamLatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int clientCount = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        Path dir = Files.createTempDirectory("no3rr-stream-bench");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        StationProcess station = new StationProcess(dir.resolve("data"), port,
                List.of("-Dstation.reading-interval=100ms", "-Dstation.simulation.speed=1", "-Xmx256m"));
        station.start();
        try {
            List<Map<Long, Integer>> received = new ArrayList<>();
            List<long[]> latencies = new ArrayList<>();
            CountDownLatch connected = new CountDownLatch(clientCount);
            List<Thread> clients = new ArrayList<>();
            for (int i = 0; i < clientCount; i++) {
                Map<Long, Integer> counts = new ConcurrentHashMap<>();
                long[] lat = new long[4 * 10 * seconds + 1000];
                received.add(counts);
                latencies.add(lat);
                Thread client = new Thread(() -> listen(station, counts, lat, connected), "sse-client-" + i);
                client.setDaemon(true);
                client.start();
                clients.add(client);
            }
            connected.await();
            List<Long> runs = new ArrayList<>();
            for (String protocol : PROTOCOLS) {
                runs.add(JSON.readTree(station.post("/api/runs", String.format(protocol, seconds))).get("id").asLong());
            }
            for (long run : runs) {
                while (!JSON.readTree(station.get("/api/runs/" + run)).get("state").asText().equals("DONE")) {
                    Thread.sleep(500);
                }
            }
            Thread.sleep(2000);
            report(station, runs, received, latencies);
        } finally {
            station.stop();
        }
    }

    /** Reads SSE lines; for each sample event counts it per run and records its latency in ms. */
    private static void listen(StationProcess station, Map<Long, Integer> counts, long[] latencies,
                               CountDownLatch connected) {
        try {
            HttpResponse<Stream<String>> response = station.stream("/api/stream");
            connected.countDown();
            String event = null;
            int n = 0;
            Iterator<String> lines = response.body().iterator();
            while (lines.hasNext()) {
                String line = lines.next();
                if (line.startsWith("event:")) {
                    event = line.substring(6).trim();
                } else if (line.startsWith("data:") && "sample".equals(event)) {
                    long now = System.currentTimeMillis();
                    JsonNode sample = JSON.readTree(line.substring(5));
                    counts.merge(sample.get("runId").asLong(), 1, Integer::sum);
                    if (n < latencies.length) {
                        latencies[n++] = now - sample.get("epochMillis").asLong();
                    }
                }
            }
        } catch (Exception e) {
            connected.countDown();
            System.err.println("client failed: " + e);
        }
    }

    private static void report(StationProcess station, List<Long> runs, List<Map<Long, Integer>> received,
                               List<long[]> latencies) throws Exception {
        Map<Long, Long> stored = new HashMap<>();
        long total = 0;
        for (long run : runs) {
            long n = JSON.readTree(station.get("/api/runs/" + run)).get("samplesStored").asLong();
            stored.put(run, n);
            total += n;
        }
        int complete = 0;
        List<Long> all = new ArrayList<>();
        for (int i = 0; i < received.size(); i++) {
            boolean every = true;
            for (long run : runs) {
                every &= received.get(i).getOrDefault(run, 0).longValue() == stored.get(run);
            }
            complete += every ? 1 : 0;
            long events = received.get(i).values().stream().mapToLong(Integer::longValue).sum();
            for (int k = 0; k < events && k < latencies.get(i).length; k++) {
                all.add(latencies.get(i)[k]);
            }
        }
        long[] sorted = all.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("runs %s stored %s samples (%d in all)%n", runs, stored, total);
        System.out.printf("clients that received every stored sample: %d of %d%n", complete, received.size());
        System.out.printf("latency reading -> client over %d events: p50 %d ms, p99 %d ms, max %d ms%n",
                sorted.length, percentile(sorted, 0.50), percentile(sorted, 0.99), sorted[sorted.length - 1]);
    }

    private static long percentile(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }
}
