package org.no3rr.station.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.no3rr.hal.sim.hcell.HCellModel;
import org.no3rr.station.AuthenticatedApiTest;
import org.no3rr.station.hardware.HardwareBackend;
import org.no3rr.station.hardware.SimulatedBackend;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * The virtual clock runs during prompts and pauses (600× real time: a second of waiting is ten
 * minutes of the run's clock), as a lab's does. (A step's last reading may come a little late on a
 * loaded machine at this speed, so durations are compared within 0.1 %.) Whatever the operator's waits, each step's stored
 * charge and duration equal an independent trapezoid over that step's own exported samples, the FE
 * of a hold equals the simulator's truth, and a reading is taken while the run waits at its prompt.
 */
@QuarkusTest
@TestProfile(GapsAreNotChargeTest.ClockRunsDuringWaits.class)
class GapsAreNotChargeTest extends AuthenticatedApiTest {

    private static final double FARADAY = 96485.332;
    /** 1 s of waiting at 600× is 10 min of the run's clock. */
    private static final long WAIT_MILLIS = 1000;
    private static final String CALIBRATION = """
            {"name": "NH4Cl, exactly linear", "method": "INDOPHENOL_BLUE_NH3",
             "standardsMolPerL": [0, 1e-5, 2e-5, 3e-5, 5e-5, 8e-5, 1e-4],
             "signals": [0.040, 0.120, 0.200, 0.280, 0.440, 0.680, 0.840]}""";

    /** The simulator at 600× real time. */
    public static class ClockRunsDuringWaits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("station.simulation.speed", "600");
        }
    }

    @Inject
    HardwareBackend backend;

    @Test
    void eachHoldOfAChronoamperometrySeriesCarriesOnlyItsOwnChargeAndItsFeIsTheTruth() throws Exception {
        HCellModel truth = (HCellModel) ((SimulatedBackend) backend).simulatedChannel("ch3").orElseThrow().model();
        truth.refreshElectrolyte();
        long calibration = given().contentType(ContentType.JSON).body(CALIBRATION).post("/api/calibrations")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        long run = start("ch3", "Hold at -0.1 V vs RHE for 5 min\\nAsk \\\"Take a sample, refresh the electrolyte\\\"\\n"
                + "Hold at -0.1 V vs RHE for 5 min\\nAsk \\\"Take a sample\\\"",
                "{\"areaCm2\": 1.0, \"catalystMassMg\": 2.0, \"catholyteVolumeMl\": 40, \"ph\": 7}");

        awaitState(run, "WAITING_FOR_ANSWER");
        JsonPath first = reading(run, 1, calibration, truth.absorbanceFor(8000, 0.040, 100))
                .then().statusCode(201).extract().jsonPath().using(doubles());
        assertThat(first.getDouble("durationS")).as("a reading for hold 1 while the run waits at its prompt")
                .isCloseTo(300.0, within(300 * 0.001));
        truth.refreshElectrolyte();
        double[] atRefresh = {truth.ammoniaMoles(), truth.cathodicCoulombs()};
        Thread.sleep(WAIT_MILLIS);
        answer(run);
        awaitState(run, "WAITING_FOR_ANSWER", 2);
        double trueFe = 8 * FARADAY * (truth.ammoniaMoles() - atRefresh[0])
                / (truth.cathodicCoulombs() - atRefresh[1]);
        JsonPath second = reading(run, 2, calibration, truth.absorbanceFor(8000, 0.040, 100))
                .then().statusCode(201).extract().jsonPath().using(doubles());
        Thread.sleep(WAIT_MILLIS);
        answer(run);
        awaitState(run, "DONE");

        List<Map<String, Object>> steps = steps(run);
        assertThat(steps).hasSize(2);
        List<String[]> rows = csv(run);
        for (Map<String, Object> step : steps) {
            int number = ((Number) step.get("stepNumber")).intValue();
            Trapezoid own = Trapezoid.over(rows, number);
            double charge = ((Number) step.get("reducingChargeCoulombs")).doubleValue();
            assertThat(((Number) step.get("durationS")).doubleValue()).as("hold %d lasted its 5 min", number)
                    .isCloseTo(300.0, within(300 * 0.001)).isCloseTo(own.stepSeconds, within(300 * 0.001));
            assertThat(charge).as("hold %d against a trapezoid over its own samples", number)
                    .isCloseTo(own.cathodicCoulombs, within(charge * 0.001));
        }
        assertThat(second.getDouble("faradaicEfficiency")).as("hold 2 against the simulator's truth")
                .isCloseTo(trueFe, within(trueFe * 0.01)).isGreaterThan(0.9);
    }

    @Test
    void aBatteryDischargeAfterAPromptPassesItsOwnChargeOnly() throws Exception {
        long run = start("ch1", "Rest for 1 min\\nAsk \\\"Go on?\\\"\\nDischarge at 1.5 mA for 10 min",
                "{\"areaCm2\": 1.0, \"znMassG\": 0.05}");
        awaitState(run, "WAITING_FOR_ANSWER");
        Thread.sleep(WAIT_MILLIS);
        answer(run);
        awaitState(run, "DONE");

        Map<String, Object> discharge = steps(run).get(1);
        Trapezoid own = Trapezoid.over(csv(run), 2);
        assertThat(((Number) discharge.get("dischargeCoulombs")).doubleValue()).as("1.5 mA × 600 s")
                .isCloseTo(0.9, within(0.9 * 0.001)).isCloseTo(own.cathodicCoulombs, within(0.9 * 0.001));
        assertThat(((Number) discharge.get("durationS")).doubleValue()).isCloseTo(600.0, within(600 * 0.001));
    }

    @Test
    void aTimedStepPausedHalfWayRunsItsFullTimeUnderCurrent() throws Exception {
        long run = start("ch2", "Discharge at 1 mA for 5 min", "{\"areaCm2\": 1.0}");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(() ->
                given().get("/api/runs/" + run).jsonPath().getDouble("step.stepTimeS") >= 150);
        given().contentType(ContentType.JSON).body("{}").post("/api/runs/" + run + "/pause").then().statusCode(202);
        awaitState(run, "PAUSED");
        Thread.sleep(WAIT_MILLIS);
        given().contentType(ContentType.JSON).body("{}").post("/api/runs/" + run + "/resume").then().statusCode(202);
        awaitState(run, "DONE");

        Map<String, Object> step = steps(run).get(0);
        assertThat(((Number) step.get("durationS")).doubleValue()).as("5 min under current, the pause aside")
                .isCloseTo(300.0, within(300 * 0.001));
        assertThat(((Number) step.get("dischargeCoulombs")).doubleValue()).isCloseTo(0.3, within(0.3 * 0.001));
        assertThat(Trapezoid.over(csv(run), 1).cathodicCoulombs).isCloseTo(0.3, within(0.3 * 0.001));
        assertThat(given().get("/api/runs/" + run).jsonPath().getString("endReason")).isEqualTo("protocol completed");
        assertThat(given().get("/api/runs/" + run + "/events").jsonPath().getList("kind", String.class))
                .contains("PAUSED", "RESUMED");
    }

    /**
     * What a reviewer computes from the tidy CSV alone: the trapezoid of the current over a step's
     * own rows in step time, and the step time those rows span.
     */
    private record Trapezoid(double cathodicCoulombs, double stepSeconds) {

        static Trapezoid over(List<String[]> rows, int stepNumber) {
            double charge = 0;
            String[] previous = null;
            double first = Double.NaN;
            double last = Double.NaN;
            for (String[] row : rows) {
                if (Integer.parseInt(row[10]) != stepNumber) {
                    continue;
                }
                double stepTime = Double.parseDouble(row[2]);
                if (previous != null) {
                    double h = stepTime - Double.parseDouble(previous[2]);
                    charge -= h * (Double.parseDouble(previous[4]) + Double.parseDouble(row[4])) / 2;
                }
                first = Double.isNaN(first) ? stepTime : first;
                last = stepTime;
                previous = row;
            }
            return new Trapezoid(charge, last - first);
        }
    }

    private static long start(String channel, String protocol, String cell) {
        return given().contentType(ContentType.JSON)
                .body("{\"channel\": \"" + channel + "\", \"protocol\": \"" + protocol + "\", \"cell\": " + cell + "}")
                .post("/api/runs").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static io.restassured.response.Response reading(long run, int step, long calibration, double absorbance) {
        return given().contentType(ContentType.JSON).body("{\"stepNumber\": " + step + ", \"calibrationId\": "
                + calibration + ", \"signal\": " + absorbance + ", \"dilutionFactor\": 100}")
                .post("/api/runs/" + run + "/readings");
    }

    private static void answer(long run) {
        given().contentType(ContentType.JSON).body("{\"answer\": \"done\"}").post("/api/runs/" + run + "/answer")
                .then().statusCode(202);
    }

    private static void awaitState(long run, String state) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                .until(() -> given().get("/api/runs/" + run).jsonPath().getString("state").equals(state));
    }

    /** Waits for the state at step {@code stepNumber} (a later prompt of the same run). */
    private static void awaitState(long run, String state, int stepNumber) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> {
            JsonPath view = given().get("/api/runs/" + run).jsonPath();
            return view.getString("state").equals(state) && steps(run).size() >= stepNumber;
        });
    }

    private static List<Map<String, Object>> steps(long run) {
        return new ArrayList<>(given().get("/api/runs/" + run + "/steps").then().statusCode(200).extract().jsonPath()
                .using(doubles()).getList("$"));
    }

    private static List<String[]> csv(long run) {
        return given().get("/api/runs/" + run + "/export?format=csv").asString().lines().skip(1)
                .map(line -> line.split(",", -1)).toList();
    }

    private static JsonPathConfig doubles() {
        return new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE);
    }
}
