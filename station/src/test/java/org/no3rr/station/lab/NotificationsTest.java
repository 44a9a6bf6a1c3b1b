package org.no3rr.station.lab;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.no3rr.station.AuthenticatedApiTest;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Notifications from a real run to real servers on loopback: webhooks (the JDK's HTTP server, as ntfy or
 * Slack would answer) and e-mail through Quarkus's mailer to Debian's aiosmtpd. Each destination gets exactly
 * the events it chose, once, with the run's link and nothing secret; a webhook having a bad minute gets the
 * same notification again after the configured waits; one that never recovers is given up and counted.
 */
@QuarkusTest
@TestProfile(NotificationsTest.WithDestinations.class)
class NotificationsTest extends AuthenticatedApiTest {

    static final String PROTOCOL = "Rest for 20 min\\nAsk \\\"Refresh the electrolyte\\\"\\nRest for 10 min";

    public static class WithDestinations implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            int web = FreePorts.next();
            String hooks = "http://127.0.0.1:" + web;
            return Map.ofEntries(Map.entry("station.id", "bench-3"),
                    Map.entry("lab-test.webhook-port", Integer.toString(web)),
                    Map.entry("lab-test.smtp-port", Integer.toString(FreePorts.next())),
                    Map.entry("station.public-url", "http://bench-3.lab.test:8080"),
                    Map.entry("station.notify.webhooks[0].url", hooks + "/json/token-abc"),
                    Map.entry("station.notify.webhooks[1].url", hooks + "/ntfy"),
                    Map.entry("station.notify.webhooks[1].format", "ntfy"),
                    Map.entry("station.notify.webhooks[1].events", "PROMPT"),
                    Map.entry("station.notify.webhooks[2].url", hooks + "/slack"),
                    Map.entry("station.notify.webhooks[2].format", "slack"),
                    Map.entry("station.notify.webhooks[2].events", "RUN_ENDED"),
                    Map.entry("station.notify.webhooks[3].url", hooks + "/flaky"),
                    Map.entry("station.notify.webhooks[3].events", "RUN_ENDED"),
                    Map.entry("station.notify.webhooks[4].url", hooks + "/down"),
                    Map.entry("station.notify.webhooks[4].events", "RUN_ENDED"),
                    Map.entry("station.notify.retry-delays", "100ms,300ms"),
                    Map.entry("station.notify.email.to", "lab@bench.test,night-shift@bench.test"),
                    Map.entry("station.notify.email.events", "PROMPT,RUN_ENDED"),
                    Map.entry("quarkus.mailer.mock", "false"),
                    Map.entry("quarkus.mailer.host", "127.0.0.1"),
                    Map.entry("quarkus.mailer.port", "${lab-test.smtp-port}"),
                    Map.entry("quarkus.mailer.from", "station@bench-3.lab.test"),
                    Map.entry("quarkus.mailer.start-tls", "DISABLED"));
        }
    }

    @ConfigProperty(name = "lab-test.webhook-port")
    int webhookPort;

    @ConfigProperty(name = "lab-test.smtp-port")
    int smtpPort;

    @Inject
    LabEvents lab;

    private static WebhookReceiver webhooks;
    private static SmtpSink smtp;

    @BeforeEach
    void serversRunning() throws Exception {
        if (webhooks == null) {
            webhooks = new WebhookReceiver(webhookPort);
            smtp = new SmtpSink(smtpPort);
        }
    }

    @AfterAll
    static void stopServers() throws Exception {
        webhooks.close();
        smtp.close();
    }

    @Test
    void aPromptAndTheRunsEndReachEachDestinationThatChoseThemOnceWithTheRunsLink() {
        long run = start();
        String link = "http://bench-3.lab.test:8080/#/run/" + run;
        await().atMost(Duration.ofSeconds(60)).until(() -> json("/json/token-abc", run).size() == 1);
        JsonObject prompt = json("/json/token-abc", run).get(0);
        assertThat(prompt).isEqualTo(new JsonObject().put("title", "bench-3/" + run + " on ch1 asks")
                .put("stationId", "bench-3").put("channelId", "ch1").put("runId", run)
                .put("globalRunId", "bench-3/" + run).put("type", "PROMPT").put("message", "Refresh the electrolyte")
                .put("unixTimeS", eventMillis(run, "PROMPT") / 1000.0).put("runUrl", link));

        await().atMost(Duration.ofSeconds(10)).until(() -> ntfy(run).size() == 1);
        WebhookReceiver.Post ntfy = ntfy(run).get(0);
        assertThat(ntfy.body()).isEqualTo("Refresh the electrolyte");
        assertThat(ntfy.header("Title")).isEqualTo("bench-3/" + run + " on ch1 asks");
        assertThat(ntfy.header("Click")).isEqualTo(link);
        assertThat(ntfy.header("Tags")).isEqualTo("question");
        assertThat(ntfy.header("Content-Type")).isEqualTo("text/plain; charset=utf-8");

        given().body("{\"answer\": \"done\"}").post("/api/runs/" + run + "/answer").then().statusCode(202);
        await().atMost(Duration.ofSeconds(60)).until(() -> json("/json/token-abc", run).size() == 2);
        String endReason = given().get("/api/runs/" + run).jsonPath().getString("endReason");
        JsonObject ended = json("/json/token-abc", run).get(1);
        assertThat(ended.getString("title")).isEqualTo("bench-3/" + run + " on ch1 ended");
        assertThat(ended.getString("type")).isEqualTo("RUN_ENDED");
        assertThat(ended.getString("message")).isEqualTo("DONE: " + endReason);
        assertThat(ended.getDouble("unixTimeS")).isEqualTo(eventMillis(run, "FINISHED") / 1000.0);

        await().atMost(Duration.ofSeconds(10)).until(() -> slack(run).size() == 1);
        assertThat(new JsonObject(slack(run).get(0).body())).isEqualTo(new JsonObject()
                .put("text", "bench-3/" + run + " on ch1 ended\nDONE: " + endReason + "\n" + link));
        assertThat(slack(run).get(0).header("Content-Type")).isEqualTo("application/json");
        assertThat(ntfy(run)).as("ntfy chose prompts only").hasSize(1);

        await().atMost(Duration.ofSeconds(10)).until(() -> mails(run).size() == 2);
        String promptMail = mails(run).stream().filter(m -> m.contains(" asks")).findFirst().orElseThrow();
        assertThat(promptMail).contains("Subject: bench-3/" + run + " on ch1 asks")
                .contains("lab@bench.test").contains("night-shift@bench.test").contains("From: station@bench-3.lab.test")
                .contains("Refresh the electrolyte\n" + link)
                .contains("run: bench-3/" + run).contains("channel: ch1").contains("event: PROMPT")
                .doesNotContain("token-abc");
        assertThat(mails(run)).anyMatch(m -> m.contains("Subject: bench-3/" + run + " on ch1 ended"));
    }

    @Test
    void aWebhookAnswering500IsTriedAgainAfterEachWaitAndGivenUpAfterTheLast() {
        webhooks.failFirst("/flaky", 2);
        webhooks.failFirst("/down", 1000);
        double failedBefore = metric("station_notify_failed_total");
        long run = start();
        await().atMost(Duration.ofSeconds(60)).until(() -> state(run).equals("WAITING_FOR_ANSWER"));
        given().body("{\"answer\": \"done\"}").post("/api/runs/" + run + "/answer").then().statusCode(202);

        await().atMost(Duration.ofSeconds(60)).until(() -> posts("/flaky", run).size() == 3);
        List<WebhookReceiver.Post> flaky = posts("/flaky", run);
        assertThat(flaky).extracting(WebhookReceiver.Post::answered).containsExactly(500, 500, 200);
        assertThat(flaky).extracting(WebhookReceiver.Post::body).containsOnly(flaky.get(0).body());

        await().atMost(Duration.ofSeconds(10)).until(() -> metric("station_notify_failed_total") == failedBefore + 1);
        assertThat(posts("/down", run)).as("the first try and one per configured wait").hasSize(3)
                .extracting(WebhookReceiver.Post::answered).containsOnly(500);
        webhooks.failFirst("/down", 0);
    }

    @Test
    void theSameEventRaisedAgainIsNotNotifiedTwiceButTheSamePromptAtALaterStepIs() {
        long run = start();
        await().atMost(Duration.ofSeconds(60)).until(() -> json("/json/token-abc", run).size() == 1);
        // What a restart does to a waiting run: its prompt is raised again, at the same step and line.
        long at = System.currentTimeMillis();
        lab.publish(new LabEvent("ch1", run, LabEventType.PROMPT, "Refresh the electrolyte", at, 1, 2));
        lab.publish(new LabEvent("ch1", run, LabEventType.PROMPT, "Refresh the electrolyte", at + 5, 1, 2));
        // The same Ask met again at a later step (a loop's next cycle) is a new prompt.
        lab.publish(new LabEvent("ch1", run, LabEventType.PROMPT, "Refresh the electrolyte", at + 10, 3, 2));
        given().body("{\"answer\": \"done\"}").post("/api/runs/" + run + "/answer").then().statusCode(202);
        await().atMost(Duration.ofSeconds(60)).until(() -> json("/json/token-abc", run).size() == 3);
        List<JsonObject> posted = json("/json/token-abc", run);
        assertThat(posted).extracting(p -> p.getString("type")).containsExactly("PROMPT", "PROMPT", "RUN_ENDED");
        assertThat(posted.get(1).getDouble("unixTimeS")).isEqualTo((at + 10) / 1000.0);
        await().atMost(Duration.ofSeconds(10)).until(() -> mails(run).size() == 3);
        assertThat(ntfy(run)).as("each destination heard each prompt once").hasSize(2);
    }

    private static long start() {
        return given().body("{\"channel\": \"ch1\", \"protocol\": \"" + PROTOCOL + "\", \"cell\": {\"areaCm2\": 1.0}}")
                .post("/api/runs").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static String state(long run) {
        return given().get("/api/runs/" + run).jsonPath().getString("state");
    }

    private static List<WebhookReceiver.Post> posts(String path, long run) {
        return webhooks.posts(path).stream().filter(p -> new JsonObject(p.body()).getLong("runId") == run).toList();
    }

    private static List<JsonObject> json(String path, long run) {
        return posts(path, run).stream().map(p -> new JsonObject(p.body())).toList();
    }

    private static List<WebhookReceiver.Post> ntfy(long run) {
        return webhooks.posts("/ntfy").stream().filter(p -> p.header("Title").startsWith("bench-3/" + run + " ")).toList();
    }

    private static List<WebhookReceiver.Post> slack(long run) {
        return webhooks.posts("/slack").stream().filter(p -> new JsonObject(p.body()).getString("text")
                .startsWith("bench-3/" + run + " ")).toList();
    }

    /** The messages about the run, line ends as in Java. */
    private static List<String> mails(long run) {
        return smtp.messages().stream().map(m -> m.replace("\r\n", "\n"))
                .filter(m -> m.contains("Subject: bench-3/" + run + " ")).toList();
    }

    private static double metric(String name) {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{")).findFirst()
                .map(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).orElse(0.0);
    }

    /** The stored time of the run's event of that kind (the history says PROMPT, FINISHED). */
    private static long eventMillis(long run, String kind) {
        List<Map<String, Object>> events = given().get("/api/runs/" + run + "/events").jsonPath().getList("$");
        return events.stream().filter(e -> kind.equals(e.get("kind"))).map(e -> ((Number) e.get("epochMillis"))
                .longValue()).findFirst().orElseThrow(() -> new AssertionError("no " + kind + " in " + events));
    }
}
