package org.no3rr.station.hardware;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.no3rr.hal.sim.battery.BatteryModel;
import org.no3rr.hal.sim.hcell.HCellModel;
import org.no3rr.station.AuthenticatedApiTest;

import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * Through the API, the simulated cell is the run's cell: a hold at −0.1 V vs RHE passes the same
 * current density whatever pH or area the run declares, and a battery takes the run's Zn and volume.
 */
@QuarkusTest
class SimulatedRunCellTest extends AuthenticatedApiTest {

    /** −78.6 mA cm⁻² at −0.1 V vs RHE on the default catalyst (docs/simulator.md). */
    private static final double CURRENT_DENSITY_A_PER_CM2 = -78.6e-3;

    @Inject
    HardwareBackend backend;

    @Test
    void aHoldAtMinus0point1VoltsVsRhePassesTheSameCurrentDensityAtPh1And7And13() {
        double atPh1 = meanCurrentDensityOfAOneMinuteHold("{\"areaCm2\": 1.0, \"ph\": 1}", 1.0);
        double atPh7 = meanCurrentDensityOfAOneMinuteHold("{\"areaCm2\": 1.0, \"ph\": 7}", 1.0);
        double atPh13 = meanCurrentDensityOfAOneMinuteHold("{\"areaCm2\": 1.0, \"ph\": 13}", 1.0);

        assertThat(atPh7).isCloseTo(CURRENT_DENSITY_A_PER_CM2, within(0.02 * -CURRENT_DENSITY_A_PER_CM2));
        assertThat(atPh1).isCloseTo(atPh7, within(0.02 * -atPh7));
        assertThat(atPh13).isCloseTo(atPh7, within(0.02 * -atPh7));
        HCellModel cell = (HCellModel) simulator().simulatedChannel("ch3").orElseThrow().model();
        assertThat(cell.parameters().ph()).as("the cell of the last run").isEqualTo(13.0);
    }

    @Test
    void aTwiceLargerElectrodePassesTwiceTheCurrentAtTheSameDensity() {
        double onTwoSquareCentimetres = meanCurrentDensityOfAOneMinuteHold("{\"areaCm2\": 2.0, \"ph\": 7}", 2.0);

        assertThat(onTwoSquareCentimetres).isCloseTo(CURRENT_DENSITY_A_PER_CM2, within(0.02 * -CURRENT_DENSITY_A_PER_CM2));
    }

    @Test
    void aBatteryRunGetsTheZincAndCatholyteItDeclares() {
        long id = runToTheEnd("ch2", "Rest for 2 s", "{\"areaCm2\": 1.0, \"znMassG\": 0.002, \"catholyteVolumeMl\": 10}");

        BatteryModel cell = (BatteryModel) simulator().simulatedChannel("ch2").orElseThrow().model();
        // 0.002 g of Zn holds 2F/M(Zn) × 0.002 g = 5.90305 C = 1.63974 mAh, less than the configured 5 mAh
        assertThat(cell.parameters().capacityMah()).isCloseTo(1.63974, within(1e-5));
        assertThat(cell.catholyte().volumeLitres()).isEqualTo(0.010);
        assertThat(given().get("/api/runs/" + id).jsonPath().getString("state")).isEqualTo("DONE");
    }

    private SimulatedBackend simulator() {
        return (SimulatedBackend) backend;
    }

    private double meanCurrentDensityOfAOneMinuteHold(String cell, double areaCm2) {
        long id = runToTheEnd("ch3", "Hold at -0.1 V vs RHE for 1 min", cell);
        List<String> lines = given().queryParam("format", "csv").get("/api/runs/" + id + "/export")
                .then().statusCode(200).extract().asString().lines().toList();
        int current = List.of(lines.get(0).split(",")).indexOf("current_A");
        List<String> rows = lines.subList(1, lines.size());
        assertThat(rows).as("a reading at step time 0 s, 1 s, …, 60 s").hasSize(61);
        return rows.stream().mapToDouble(row -> Double.parseDouble(row.split(",")[current])).average().orElseThrow()
                / areaCm2;
    }

    private static long runToTheEnd(String channel, String protocol, String cell) {
        long id = given().contentType(ContentType.JSON)
                .body("{\"channel\": \"" + channel + "\", \"protocol\": \"" + protocol + "\", \"cell\": " + cell + "}")
                .post("/api/runs").then().statusCode(201).extract().jsonPath().getLong("id");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> given().get("/api/runs/" + id).jsonPath().getString("state").equals("DONE"));
        return id;
    }
}
