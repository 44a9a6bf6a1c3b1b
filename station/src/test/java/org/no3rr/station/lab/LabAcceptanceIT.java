package org.no3rr.station.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.no3rr.station.packaged.StationProcess;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

/**
 * Acceptance of the lab, with real processes: two packaged stations and the packaged lab instance against a
 * private PostgreSQL and a private Mosquitto, bench-1 notifying a webhook receiver and an SMTP server, all on
 * loopback. bench-1's run asks a question (the webhook and the e-mail get the prompt, and it is answered); both
 * stations run; PostgreSQL is stopped while they record and the broker restarted meanwhile; afterwards the
 * central {@code lab_samples} holds exactly the samples of each station's own CSV export, once each and row by
 * row, the lab instance's download of each run is byte for byte the station's, the lab sees both stations
 * online again over MQTT with their channels, and the run's end reached the webhook and the mailbox. (The lab
 * page itself is tested in Chromium in-process by LabPageTest.)
 */
class LabAcceptanceIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** 31 min of cell time at 200× is about 9 s: long enough to take the database away in the middle. */
    private static final String PROTOCOL = "Rest for 1 min\\nDischarge at 5 mA/cm2 for 30 min";
    private static final String ASKING = "Rest for 1 min\\nAsk \\\"Sample taken?\\\"\\nDischarge at 5 mA/cm2 for 30 min";

    private final Path temp = Path.of("target/lab-it/" + System.currentTimeMillis());
    private final List<StationProcess> processes = new ArrayList<>();
    private PostgresServer postgres;
    private MosquittoBroker mosquitto;
    private WebhookReceiver webhooks;
    private SmtpSink mail;

    @AfterEach
    void stopEverything() throws InterruptedException {
        for (StationProcess p : processes) {
            p.stop();
        }
        if (postgres != null) {
            postgres.close();
        }
        if (mosquitto != null) {
            mosquitto.close();
        }
        if (webhooks != null) {
            webhooks.close();
        }
        if (mail != null) {
            mail.close();
        }
    }

    @Test
    void twoStationsReplicateThroughAnOutageAndTheLabServesTheirRunsUnchanged() throws Exception {
        if (System.getenv("CI") == null) {
            assumeThat(StationProcess.packaged()).as("station/target/quarkus-app (run ./mvnw package)").isTrue();
        }
        postgres = PostgresServer.create();
        postgres.createDatabase("lab");
        mosquitto = MosquittoBroker.create();
        int webhookPort = ExternalProgram.freePort();
        webhooks = new WebhookReceiver(webhookPort);
        int smtpPort = ExternalProgram.freePort();
        mail = new SmtpSink(smtpPort);
        StationProcess bench1 = station("bench-1", List.of(
                "-Dstation.notify.webhooks[0].url=http://127.0.0.1:" + webhookPort + "/hook",
                "-Dstation.notify.email.to=lab@bench.test", "-Dquarkus.mailer.mock=false",
                "-Dquarkus.mailer.host=127.0.0.1", "-Dquarkus.mailer.port=" + smtpPort,
                "-Dquarkus.mailer.from=station@bench-1.lab.test", "-Dquarkus.mailer.start-tls=DISABLED"));
        StationProcess bench2 = station("bench-2", List.of());
        StationProcess lab = station("lab", List.of("-Dstation.role=lab"));

        long run1 = startRun(bench1, "ch1", ASKING);
        await().atMost(Duration.ofSeconds(30)).until(() -> hooked("PROMPT", "bench-1/" + run1));
        await().atMost(Duration.ofSeconds(30)).until(() -> mailed("Subject: bench-1/" + run1 + " on ch1 asks"));
        bench1.post("/api/runs/" + run1 + "/answer", "{\"answer\":\"yes\"}");
        long run2 = startRun(bench2, "ch2", PROTOCOL);
        awaitOnline(lab, "bench-1", "bench-2");
        postgres.stop();
        try {
            // the broker goes away and comes back empty (no persistence): each station publishes its status again
            mosquitto.crash();
            mosquitto.start();
            for (StationProcess s : List.of(bench1, bench2)) {
                await().atMost(Duration.ofSeconds(30)).until(() -> "unreachable".equals(replication(s).path("state").asText()));
            }
            // Mid-run: samples are stored while the central database is away.
            await().atMost(Duration.ofSeconds(30)).until(() -> replication(bench1).path("lagSamples").asLong() > 100
                    && replication(bench2).path("lagSamples").asLong() > 100);
            assertThat(state(bench1, run1)).isEqualTo("RUNNING");
        } finally {
            postgres.start();
        }
        for (StationProcess s : List.of(bench1, bench2)) {
            long run = s == bench1 ? run1 : run2;
            await().atMost(Duration.ofSeconds(90)).until(() -> "DONE".equals(state(s, run)));
            await().atMost(Duration.ofSeconds(60)).until(() -> "caught-up".equals(replication(s).path("state").asText()));
        }

        try (Connection c = postgres.connect("lab")) {
            for (StationProcess s : List.of(bench1, bench2)) {
                String stationId = s == bench1 ? "bench-1" : "bench-2";
                long run = s == bench1 ? run1 : run2;
                String csv = s.get("/api/runs/" + run + "/export?format=csv");
                List<String> exported = CentralRows.exportedSamples(csv);
                assertThat(exported).hasSizeGreaterThan(1000);
                assertThat(CentralRows.labSamples(c, stationId, run)).containsExactlyElementsOf(exported);
                assertThat(CentralRows.single(c, "SELECT count(DISTINCT seq) FROM central_sample WHERE station_id = ? "
                        + "AND run_id = ?", stationId, run)).isEqualTo(exported.size());
                assertThat(lab.get("/api/lab/runs/" + stationId + "/" + run + "/export?format=csv")).isEqualTo(csv);
                assertThat(lab.get("/api/lab/runs/" + stationId + "/" + run + "/export?format=bdf"))
                        .isEqualTo(s.get("/api/runs/" + run + "/export?format=bdf"));
                assertThat(lab.get("/api/lab/runs/" + stationId + "/" + run + "/cycles"))
                        .isEqualTo(s.get("/api/runs/" + run + "/cycles"));
            }
        }
        List<String> globalIds = new ArrayList<>();
        JSON.readTree(lab.get("/api/lab/runs")).forEach(r -> globalIds.add(r.path("globalRunId").asText()));
        assertThat(globalIds).contains("bench-1/" + run1, "bench-2/" + run2);

        awaitOnline(lab, "bench-1", "bench-2");
        for (JsonNode station : JSON.readTree(lab.get("/api/lab/stations")).path("stations")) {
            assertThat(station.path("channels").size()).as("channels of %s", station.path("stationId")).isEqualTo(4);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> hooked("RUN_ENDED", "bench-1/" + run1));
        await().atMost(Duration.ofSeconds(30)).until(() -> mailed("Subject: bench-1/" + run1 + " on ch1 ended"));
        assertThat(webhooks.posts("/hook").stream().filter(p -> p.body().contains("\"PROMPT\"")).count())
                .as("the prompt notified once").isEqualTo(1);
    }

    private boolean hooked(String type, String globalRunId) {
        return webhooks.posts("/hook").stream().map(post -> {
            try {
                return JSON.readTree(post.body());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).anyMatch(body -> type.equals(body.path("type").asText())
                && globalRunId.equals(body.path("globalRunId").asText()));
    }

    private boolean mailed(String subject) {
        return mail.messages().stream().anyMatch(m -> m.contains(subject));
    }

    /** Until the lab, over MQTT, sees every one of {@code stationIds} online. */
    private static void awaitOnline(StationProcess lab, String... stationIds) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            List<String> online = new ArrayList<>();
            for (JsonNode station : JSON.readTree(lab.get("/api/lab/stations")).path("stations")) {
                if ("online".equals(station.path("state").asText())) {
                    online.add(station.path("stationId").asText());
                }
            }
            return online.containsAll(List.of(stationIds));
        });
    }

    private StationProcess station(String id, List<String> extra) throws Exception {
        List<String> options = new ArrayList<>(List.of("-Dstation.id=" + id, "-Dstation.simulation.speed=200",
                "-Dstation.lab.db.url=" + postgres.jdbcUrl("lab"), "-Dstation.lab.db.username=" + PostgresServer.USER,
                "-Dstation.lab.db.max-retry-interval=1s", "-Dstation.lab.db.idle-interval=200ms",
                "-Dstation.lab.mqtt.url=" + mosquitto.url()));
        options.addAll(extra);
        StationProcess process = new StationProcess(temp.resolve(id).resolve("data"), ExternalProgram.freePort(), options);
        processes.add(process);
        process.start();
        return process;
    }

    private static long startRun(StationProcess s, String channel, String protocol) throws Exception {
        return JSON.readTree(s.post("/api/runs", "{\"channel\":\"" + channel + "\",\"protocol\":\"" + protocol
                + "\",\"cell\":{\"areaCm2\":1.0,\"znMassG\":0.05}}")).path("id").asLong();
    }

    private static String state(StationProcess s, long run) throws Exception {
        return JSON.readTree(s.get("/api/runs/" + run)).path("state").asText();
    }

    private static JsonNode replication(StationProcess s) throws Exception {
        for (JsonNode check : JSON.readTree(s.get("/q/health")).path("checks")) {
            if ("lab replication".equals(check.path("name").asText())) {
                return check.path("data");
            }
        }
        throw new AssertionError("no lab replication check in /q/health of " + s.port());
    }
}
