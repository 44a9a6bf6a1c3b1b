package org.no3rr.station.lab;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.no3rr.station.AuthenticatedApiTest;
import org.no3rr.station.lab.central.CentralReplicator;
import org.no3rr.station.lab.central.ReplicationStatus;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * A station without the lab's keys behaves as before: no replication thread, no connection anywhere, the
 * health check only says replication is off, and the lab instance's routes are not there.
 */
@QuarkusTest
class NoLabKeysTest extends AuthenticatedApiTest {

    @Inject
    CentralReplicator replicator;

    @Inject
    ReplicationStatus status;

    @Test
    void withoutTheDatabaseUrlThereIsNoReplicationThreadAndNoConnection() {
        assertThat(replicator.running()).isFalse();
        assertThat(status.state()).isEqualTo(ReplicationStatus.State.OFF);
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().startsWith("lab-"));
        given().get("/q/health").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.find { it.name == 'lab replication' }.data.state", equalTo("off"));
        assertThat(given().get("/q/metrics").asString()).contains("station_lab_replication_lag_samples 0.0");
        given().get("/api/lab/page").then().statusCode(200).body("pageUrl", nullValue()).body("role", equalTo("station"));
        given().get("/api/lab/runs").then().statusCode(404);
        given().get("/api/lab/stations").then().statusCode(404);
    }
}
