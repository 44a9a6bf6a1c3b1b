package org.no3rr.station.lab;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.no3rr.station.AuthenticatedApiTest;
import org.no3rr.station.lab.mqtt.LabMqttPublisher;
import org.no3rr.station.lab.notify.Notifier;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A station with no lab key behaves exactly as before the lab existed: no MQTT client, no notifier, no
 * thread of theirs, nothing subscribed to the runs' news (so a runner pays one check per decision), and
 * no lab metrics — while its runs still carry their global identity.
 */
@QuarkusTest
class LabOffByDefaultTest extends AuthenticatedApiTest {

    @Inject
    LabMqttPublisher mqtt;

    @Inject
    Notifier notifier;

    @Inject
    LabEvents lab;

    @Test
    void withoutTheKeysNothingOfTheLabRuns() {
        assertThat(mqtt.enabled()).isFalse();
        assertThat(notifier.enabled()).isFalse();
        assertThat(lab.hasSubscribers()).isFalse();
        assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
                .doesNotContain("lab-mqtt", "lab-notify");
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).doesNotContain("station_lab_mqtt").doesNotContain("station_notify");
    }
}
