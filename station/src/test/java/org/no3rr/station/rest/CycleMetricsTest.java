package org.no3rr.station.rest;

import io.quarkus.test.junit.QuarkusTest;
import org.no3rr.station.AuthenticatedApiTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.no3rr.hal.sim.SimulatedCellSetup;
import org.no3rr.hal.sim.SimulatedChannel;
import org.no3rr.hal.sim.battery.BatteryModel;
import org.no3rr.station.hardware.HardwareBackend;
import org.no3rr.station.hardware.SimulatedBackend;

import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/** Per-cycle metrics served by the API agree with the simulator's true charge. */
@QuarkusTest
class CycleMetricsTest extends AuthenticatedApiTest {

    @Inject
    HardwareBackend backend;

    @Test
    void twentyCyclesAgreeWithTheSimulatorsTrueChargeWithinHalfAPercent() {
        SimulatedChannel<?> ch2 = ((SimulatedBackend) backend).simulatedChannel("ch2").orElseThrow();
        ch2.configureCell(new SimulatedCellSetup(1.0, Double.NaN, 0.05, Double.NaN, Double.NaN, 0.197, Double.NaN));
        BatteryModel truth = (BatteryModel) ch2.model(); // the cell the run declares: the run continues it
        double dischargedBefore = truth.dischargedCoulombs();
        double chargedBefore = truth.chargedCoulombs();

        long id = given().contentType(ContentType.JSON)
                .body("""
                        {"channel": "ch2",
                         "protocol": "Repeat 20 times:\\n  Discharge at 5 mA/cm2 for 10 min\\n  Charge at 5 mA/cm2 for 10 min",
                         "cell": {"areaCm2": 1.0, "znMassG": 0.05}}""")
                .post("/api/runs").then().statusCode(201).extract().jsonPath().getLong("id");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> given().get("/api/runs/" + id).jsonPath().getString("state").equals("DONE"));

        JsonPath cycles = given().get("/api/runs/" + id + "/cycles").then().statusCode(200).extract().jsonPath()
                .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE));
        List<Integer> numbers = cycles.getList("cycle", Integer.class);
        assertThat(numbers).hasSize(20).first().isEqualTo(1);
        assertThat(numbers).last().isEqualTo(20);
        assertThat(cycles.getList("complete", Boolean.class)).containsOnly(true);

        double trueDischargePerCycle = (truth.dischargedCoulombs() - dischargedBefore) / 20;
        double trueChargePerCycle = (truth.chargedCoulombs() - chargedBefore) / 20;
        // 5 mA for 600 s is 3 C, 0.8333 mAh, per half-cycle
        assertThat(trueDischargePerCycle).isCloseTo(3.0, within(1e-9));
        for (int i = 0; i < 20; i++) {
            double discharge = cycles.getDouble("[" + i + "].dischargeCapacityCoulombs");
            double charge = cycles.getDouble("[" + i + "].chargeCapacityCoulombs");
            assertThat(discharge).as("cycle %d discharge, C", i + 1)
                    .isCloseTo(trueDischargePerCycle, within(0.005 * trueDischargePerCycle));
            assertThat(charge).as("cycle %d charge, C", i + 1)
                    .isCloseTo(trueChargePerCycle, within(0.005 * trueChargePerCycle));
            assertThat(cycles.getDouble("[" + i + "].dischargeCapacityMah")).isCloseTo(discharge / 3.6, within(1e-9));
            assertThat(cycles.getDouble("[" + i + "].dischargeCapacityMahPerGZn"))
                    .isCloseTo(discharge / 3.6 / 0.05, within(1e-6));
            assertThat(cycles.getDouble("[" + i + "].coulombicEfficiency")).isCloseTo(discharge / charge, within(1e-9));
        }
    }
}
