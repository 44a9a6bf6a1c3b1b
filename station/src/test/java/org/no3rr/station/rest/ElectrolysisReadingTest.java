package org.no3rr.station.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.no3rr.hal.sim.SimulatedCellSetup;
import org.no3rr.hal.sim.SimulatedChannel;
import org.no3rr.hal.sim.hcell.HCellModel;
import org.no3rr.station.AuthenticatedApiTest;
import org.no3rr.station.hardware.HardwareBackend;
import org.no3rr.station.hardware.SimulatedBackend;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * The whole quantification chain on the simulator: a 1 h hold at −0.1 V vs RHE, the absorbance the
 * simulated catholyte would give with an indophenol calibration, and the FE the station computes
 * from it — which must agree with the simulator's true FE within 1 %.
 */
@QuarkusTest
class ElectrolysisReadingTest extends AuthenticatedApiTest {

    private static final double FARADAY = 96485.332;
    // The seed's NH4Cl standards (0 … 0.10 mM) on an exactly linear A = 8000 L/mol · c + 0.040.
    private static final String CALIBRATION = """
            {"name": "NH4Cl in 0.5 M K2SO4", "method": "INDOPHENOL_BLUE_NH3",
             "standardsMolPerL": [0, 1e-5, 2e-5, 3e-5, 5e-5, 8e-5, 1e-4],
             "signals": [0.040, 0.120, 0.200, 0.280, 0.440, 0.680, 0.840]}""";

    @Inject
    HardwareBackend backend;

    @Test
    void theFaradaicEfficiencyFromASimulatedAbsorbanceAgreesWithTheTruthWithinOnePercent() {
        SimulatedChannel<?> ch4 = ((SimulatedBackend) backend).simulatedChannel("ch4").orElseThrow();
        ch4.configureCell(new SimulatedCellSetup(1.0, 2.0, Double.NaN, 40, 7, 0.197, Double.NaN));
        HCellModel truth = (HCellModel) ch4.model(); // the cell the run declares: the run continues it
        truth.refreshElectrolyte();
        double ammoniaBefore = truth.ammoniaMoles();
        double cathodicBefore = truth.cathodicCoulombs();

        long run = given().contentType(ContentType.JSON)
                .body("""
                        {"channel": "ch4", "protocol": "Hold at -0.1 V vs RHE for 1 h",
                         "cell": {"areaCm2": 1.0, "catalystMassMg": 2.0, "catholyteVolumeMl": 40, "ph": 7}}""")
                .post("/api/runs").then().statusCode(201).extract().jsonPath().getLong("id");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> given().get("/api/runs/" + run).jsonPath().getString("state").equals("DONE"));
        double trueFaradaicEfficiency = (truth.ammoniaMoles() - ammoniaBefore) * 8 * FARADAY
                / (truth.cathodicCoulombs() - cathodicBefore);

        JsonPath calibration = given().contentType(ContentType.JSON).body(CALIBRATION).post("/api/calibrations")
                .then().statusCode(201).extract().jsonPath().using(doubles());
        assertThat(calibration.getDouble("curve.slopePerMolPerL")).isCloseTo(8000, within(1e-6));
        assertThat(calibration.getDouble("curve.intercept")).isCloseTo(0.040, within(1e-12));
        assertThat(calibration.getDouble("curve.rSquared")).isCloseTo(1.0, within(1e-12));

        // 0.05 mL of catholyte made up to 5 mL: dilution 100
        double absorbance = truth.absorbanceFor(8000, 0.040, 100);
        JsonPath result = given().contentType(ContentType.JSON)
                .body("{\"stepNumber\": 1, \"calibrationId\": " + calibration.getLong("id")
                        + ", \"signal\": " + absorbance + ", \"dilutionFactor\": 100}")
                .post("/api/runs/" + run + "/readings")
                .then().statusCode(201).body("product", equalTo("NH3")).body("reaction", equalTo("NITRATE_TO_AMMONIA"))
                .extract().jsonPath().using(doubles());

        assertThat(trueFaradaicEfficiency).isBetween(0.95, 1.0);
        assertThat(result.getDouble("faradaicEfficiency"))
                .isCloseTo(trueFaradaicEfficiency, within(0.01 * trueFaradaicEfficiency));
        // about 3 mg NH3 per hour per mg of catalyst at −0.1 V vs RHE, as in Table S6 of seed 000
        assertThat(result.getDouble("yield.mgPerHourPerMgCat")).isBetween(2.7, 3.3);
        assertThat(result.getDouble("yield.ugPerHourPerMgCat"))
                .isCloseTo(result.getDouble("yield.mgPerHourPerMgCat") * 1000, within(1e-9));
        assertThat(result.getDouble("yield.molPerSecondPerCm2")).as("µmol h⁻¹ cm⁻² in mol s⁻¹ cm⁻²")
                .isCloseTo(result.getDouble("yield.umolPerHourPerCm2") * 1e-6 / 3600, within(1e-18));
        assertThat(result.getDouble("durationS")).as("the hold's step time").isEqualTo(3600.0);
        given().get("/api/runs/" + run + "/readings").then().statusCode(200)
                .body("size()", equalTo(1)).body("[0].stepNumber", equalTo(1));
    }

    @Test
    void aReadingForAStepThatDidNotRunIsRefused() {
        long run = given().contentType(ContentType.JSON)
                .body("{\"channel\": \"ch4\", \"protocol\": \"Rest for 5 s\", \"cell\": {\"areaCm2\": 1.0}}")
                .post("/api/runs").then().statusCode(201).extract().jsonPath().getLong("id");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> given().get("/api/runs/" + run).jsonPath().getString("state").equals("DONE"));
        long calibration = given().contentType(ContentType.JSON).body(CALIBRATION).post("/api/calibrations")
                .then().statusCode(201).extract().jsonPath().getLong("id");

        given().contentType(ContentType.JSON)
                .body("{\"stepNumber\": 7, \"calibrationId\": " + calibration + ", \"signal\": 0.3}")
                .post("/api/runs/" + run + "/readings")
                .then().statusCode(400).body("field", equalTo("stepNumber"))
                .body("error", equalTo("step 7 of run " + run + " has not ended or does not exist; ended steps: 1 to 1"));
        given().contentType(ContentType.JSON)
                .body("{\"stepNumber\": 1, \"calibrationId\": " + calibration + ", \"signal\": 0.3}")
                .post("/api/runs/" + run + "/readings")
                .then().statusCode(400).body("field", equalTo("stepNumber"))
                .body("error", equalTo("step 1 is a rest step, which drives no reduction; a product reading belongs "
                        + "after a hold or a discharge"));
        given().get("/api/runs/" + run + "/readings").then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void aCalibrationWithMismatchedSignalsIsRefused() {
        given().contentType(ContentType.JSON)
                .body("{\"name\": \"x\", \"method\": \"GRIESS_NO2\", \"standardsMolPerL\": [0, 1e-5, 2e-5], \"signals\": [0.1, 0.2]}")
                .post("/api/calibrations")
                .then().statusCode(400).body("field", equalTo("signals"))
                .body("error", equalTo("signals has 2 values but standardsMolPerL has 3; give one signal per standard"));
        given().contentType(ContentType.JSON)
                .body("{\"name\": \"x\", \"method\": \"UV\", \"standardsMolPerL\": [0, 1e-5], \"signals\": [0.1, 0.2]}")
                .post("/api/calibrations")
                .then().statusCode(400).body("field", equalTo("method"))
                .body("error", containsString("INDOPHENOL_BLUE_NH3"));
    }

    private static JsonPathConfig doubles() {
        return new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE);
    }
}
