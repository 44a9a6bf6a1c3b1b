package org.no3rr.station.badinput;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.no3rr.station.AuthenticatedApiTest;
import org.no3rr.station.security.AccessToken;
import org.no3rr.station.security.Role;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * The bad-input corpus: every route and every request field, sent wrong. Each request gets a 4xx in
 * the API's JSON shape whose message names the problem — never a 5xx, never a stack trace — and none
 * of them leaves anything behind (no run, reading, calibration, saved protocol or token changes). Then
 * three attacks as a whole: a slow-body flood, a cross-site form post, and a token rotation.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BadInputCorpusTest extends AuthenticatedApiTest {

    private static final String CELL = "\"cell\":{\"areaCm2\":1}";
    private static final String REST = "\"protocol\":\"Rest for 1 min\"";
    private static final String NUL = "\\u0000";
    private static final String LONE_SURROGATE = "\\ud800";
    /** The run readings are posted to: its hold step passed a reducing charge. */
    private static final String RUN = "RUN";

    @TestHTTPResource("/")
    URL base;

    @Inject
    AccessToken tokens;

    private long run;
    private int runs;
    private int calibrations;
    private int savedProtocols;
    private int readings;
    private Map<Role, String> tokensBefore;

    /**
     * A request of the corpus. {@code credentials}: "token" (operator), "viewer", "none", "wrong", "basic",
     * or "cookie-from-other-port" (the operator's session cookie, sent by a page on another port).
     */
    record BadRequest(String name, String method, String path, String contentType, String body, String credentials,
                      int status, String messageFragment) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<BadRequest> corpus() {
        return Stream.of(runs(), cells(), readings(), calibrations(), protocols(), controls(), reads(), access(), http())
                .flatMap(List::stream);
    }

    private static List<BadRequest> runs() {
        String huge = "Rest for 1 min\\n".repeat(70_000);
        return List.of(
                run("malformed JSON", "{\"channel\":\"ch1\",", 400, "not valid JSON"),
                run("trailing garbage", "{\"channel\":\"ch1\"} }", 400, "body"),
                run("empty body", "", 400, "a JSON body is required"),
                run("body is a string", "\"hello\"", 400, "body"),
                run("body is an array", "[1,2]", 400, "body"),
                run("protocol nested 100 deep", "{\"channel\":\"ch1\",\"protocol\":" + "[".repeat(100) + "]".repeat(100)
                        + "}", 400, "nesting depth"),
                run("misspelt field", "{\"chanel\":\"ch1\"," + REST + "," + CELL + "}", 400, "unknown field 'chanel'"),
                run("unknown channel", "{\"channel\":\"ch9\"," + REST + "," + CELL + "}", 400, "channel 'ch9' does not exist"),
                run("missing channel", "{" + REST + "," + CELL + "}", 400, "channel is required"),
                run("channel with a NUL", "{\"channel\":\"ch1" + NUL + "\"," + REST + "," + CELL + "}", 400,
                        "channel contains a control character (U+0000) at character 4"),
                run("channel of 101 characters", "{\"channel\":\"" + "c".repeat(101) + "\"," + REST + "," + CELL + "}", 400,
                        "channel has 101 characters; at most 100 are allowed"),
                run("channel is a number", "{\"channel\":1," + REST + "," + CELL + "}", 400, "channel"),
                run("missing protocol", "{\"channel\":\"ch1\"," + CELL + "}", 400, "protocol is required"),
                run("empty protocol", "{\"channel\":\"ch1\",\"protocol\":\"\"," + CELL + "}", 400, "protocol is required"),
                run("protocol is a number", "{\"channel\":\"ch1\",\"protocol\":5," + CELL + "}", 400, "protocol"),
                run("protocol is an array", "{\"channel\":\"ch1\",\"protocol\":[1]," + CELL + "}", 400, "protocol must be"),
                run("protocol is gibberish", "{\"channel\":\"ch1\",\"protocol\":\"hello\"," + CELL + "}", 400, "line 1"),
                run("protocol with a NUL", "{\"channel\":\"ch1\",\"protocol\":\"Rest for 1 min" + NUL + "\"," + CELL + "}",
                        400, "protocol contains a control character (U+0000)"),
                run("protocol with a lone surrogate", "{\"channel\":\"ch1\",\"protocol\":\"Ask \\\"ok" + LONE_SURROGATE
                        + "\\\"\"," + CELL + "}", 400, "an unpaired surrogate (U+D800)"),
                run("JSON protocol without steps", "{\"channel\":\"ch1\",\"protocol\":{\"stepz\":[]}," + CELL + "}", 400,
                        "protocol"),
                run("current above the rating",
                        "{\"channel\":\"ch1\",\"protocol\":\"Discharge at 80 mA/cm2 for 1 min\"," + CELL + "}", 400,
                        "exceeds the channel's rating"),
                run("cut-off outside the voltage window",
                        "{\"channel\":\"ch1\",\"protocol\":\"Discharge at 1 mA until -5 V\"," + CELL + "}", 400, "line 1"),
                run("NaN current", "{\"channel\":\"ch1\",\"protocol\":\"Discharge at NaN mA for 1 min\"," + CELL + "}", 400,
                        "line 1"),
                run("negative duration", "{\"channel\":\"ch1\",\"protocol\":\"Rest for -5 min\"," + CELL + "}", 400, "line 1"),
                run("repeat zero times",
                        "{\"channel\":\"ch1\",\"protocol\":\"Repeat 0 times:\\n  Rest for 1 min\"," + CELL + "}", 400, "line 1"),
                run("hold on a battery channel",
                        "{\"channel\":\"ch1\",\"protocol\":\"Hold at -0.4 V vs Ag/AgCl for 1 min\"," + CELL + "}", 400,
                        "has no potential control"),
                run("hold vs RHE without a pH",
                        "{\"channel\":\"ch3\",\"protocol\":\"Hold at -0.1 V vs RHE for 1 min\"," + CELL + "}", 400, "pH"),
                run("protocol too long", "{\"channel\":\"ch1\",\"protocol\":\"" + "Rest for 1 min\\n".repeat(7_000)
                        + "\"," + CELL + "}", 400, "at most 100000 are allowed"),
                run("notes of 4001 characters", "{\"channel\":\"ch1\"," + REST + "," + CELL + ",\"notes\":\"" + "n".repeat(4001)
                        + "\"}", 400, "notes has 4001 characters; at most 4000 are allowed (nothing was stored)"),
                run("notes of a million characters", "{\"channel\":\"ch1\"," + REST + "," + CELL + ",\"notes\":\""
                        + "n".repeat(1_000_000) + "\"}", 400, "notes has 1000000 characters"),
                run("notes with a NUL", "{\"channel\":\"ch1\"," + REST + "," + CELL + ",\"notes\":\"a" + NUL + "b\"}", 400,
                        "notes contains a control character (U+0000) at character 2"),
                run("notes with an escape character", "{\"channel\":\"ch1\"," + REST + "," + CELL + ",\"notes\":\"\\u001b[31m\"}",
                        400, "notes contains a control character (U+001B)"),
                run("notes with a lone surrogate", "{\"channel\":\"ch1\"," + REST + "," + CELL + ",\"notes\":\"x" + LONE_SURROGATE
                        + "\"}", 400, "notes contains an unpaired surrogate (U+D800)"),
                run("queue is a string", "{\"channel\":\"ch1\"," + REST + "," + CELL + ",\"queue\":\"yes\"}", 400, "queue"),
                run("oversized body", "{\"channel\":\"ch1\",\"protocol\":\"" + huge + "\"," + CELL + "}", 413,
                        "POST /api/runs accepts a body of at most 1 MiB"));
    }

    private static List<BadRequest> cells() {
        return List.of(
                cell("cell is a string", "\"big\"", 400, "cell"),
                cell("area missing", "{}", 400, "cell.areaCm2 is required"),
                cell("area is the NaN literal", "{\"areaCm2\":NaN}", 400, "NaN"),
                cell("area is the string NaN", "{\"areaCm2\":\"NaN\"}", 400,
                        "cell.areaCm2 must be a number, written without quotes (e.g. 1.5), was the string \"NaN\""),
                cell("area is a string", "{\"areaCm2\":\"1\"}", 400, "cell.areaCm2 must be a number"),
                cell("area is true", "{\"areaCm2\":true}", 400, "was a JSON boolean"),
                cell("area is zero", "{\"areaCm2\":0}", 400, "cell.areaCm2 must be a number from 1.0E-4 to 10000 cm², was 0.0"),
                cell("area is negative", "{\"areaCm2\":-1}", 400, "cell.areaCm2 must be a number from 1.0E-4 to 10000 cm², was -1.0"),
                cell("area of 1e-300", "{\"areaCm2\":1e-300}", 400, "cell.areaCm2 must be a number from 1.0E-4 to 10000 cm², was 1.0E-300"),
                cell("area overflows", "{\"areaCm2\":1e400}", 400, "cell.areaCm2 must be a finite number, was 1e400"),
                cell("area of a square kilometre", "{\"areaCm2\":1e10}", 400, "cell.areaCm2 must be a number from"),
                cell("negative catalyst mass", "{\"areaCm2\":1,\"catalystMassMg\":-2}", 400, "cell.catalystMassMg must be a number from"),
                cell("catalyst mass of 1e308", "{\"areaCm2\":1,\"catalystMassMg\":1e308}", 400, "cell.catalystMassMg"),
                cell("zinc mass zero", "{\"areaCm2\":1,\"znMassG\":0}", 400, "cell.znMassG must be a number from"),
                cell("zinc mass as the string Infinity", "{\"areaCm2\":1,\"znMassG\":\"Infinity\"}", 400, "cell.znMassG must be a number"),
                cell("negative catholyte volume", "{\"areaCm2\":1,\"catholyteVolumeMl\":-5}", 400, "cell.catholyteVolumeMl"),
                cell("catholyte volume of 1e308", "{\"areaCm2\":1,\"catholyteVolumeMl\":1e308}", 400, "cell.catholyteVolumeMl"),
                cell("pH out of range", "{\"areaCm2\":1,\"ph\":20}", 400, "cell.ph must be a number from -1 to 15, was 20.0"),
                cell("pH as a string", "{\"areaCm2\":1,\"ph\":\"7\"}", 400, "cell.ph must be a number"),
                cell("reference offset out of range", "{\"areaCm2\":1,\"referenceOffsetV\":5}", 400,
                        "cell.referenceOffsetV must be a number from -2 to 2 V, was 5.0"),
                cell("negative resistance", "{\"areaCm2\":1,\"uncompensatedResistanceOhm\":-1}", 400,
                        "cell.uncompensatedResistanceOhm must be a number from 0 to 1000000 Ω, was -1.0"),
                cell("reference electrode with a NUL", "{\"areaCm2\":1,\"referenceElectrode\":\"Ag" + NUL + "\"}", 400,
                        "cell.referenceElectrode contains a control character"),
                cell("reference electrode of 101 characters", "{\"areaCm2\":1,\"referenceElectrode\":\"" + "r".repeat(101)
                        + "\"}", 400, "cell.referenceElectrode has 101 characters; at most 100 are allowed"),
                cell("unknown cell field", "{\"areaCm2\":1,\"mass\":3}", 400, "unknown field 'cell.mass'"),
                run("area so large the current exceeds the rating", "{\"channel\":\"ch1\",\"protocol\":\"Discharge at 5 "
                        + "mA/cm2 for 1 min\",\"cell\":{\"areaCm2\":9000}}", 400, "exceeds the channel's rating"));
    }

    private static List<BadRequest> readings() {
        return List.of(
                reading("reading without a body", "", 400, "a JSON body is required"),
                reading("reading is an array", "[]", 400, "body"),
                reading("step number zero", "{\"stepNumber\":0,\"calibrationId\":1,\"signal\":0.3}", 400,
                        "stepNumber must be a whole number from 1 to 10000000, was 0"),
                reading("step number overflows an int", "{\"stepNumber\":10000000000,\"calibrationId\":1,\"signal\":0.3}", 400,
                        "stepNumber"),
                reading("step number as a string", "{\"stepNumber\":\"1\",\"calibrationId\":1,\"signal\":0.3}", 400, "stepNumber"),
                reading("calibration id negative", "{\"stepNumber\":1,\"calibrationId\":-5,\"signal\":0.3}", 400,
                        "calibrationId must be a whole number from 1"),
                reading("unknown calibration", "{\"stepNumber\":1,\"calibrationId\":99999999,\"signal\":0.3}", 404,
                        "calibration 99999999 does not exist"),
                reading("signal of 1e308", "{\"stepNumber\":1,\"calibrationId\":1,\"signal\":1e308}", 400,
                        "signal must be a number from -10 to 10000, was 1.0E308"),
                reading("signal as the string NaN", "{\"stepNumber\":1,\"calibrationId\":1,\"signal\":\"NaN\"}", 400,
                        "signal must be a number, written without quotes"),
                reading("signal as the NaN literal", "{\"stepNumber\":1,\"calibrationId\":1,\"signal\":NaN}", 400, "NaN"),
                reading("dilution factor zero", "{\"stepNumber\":1,\"calibrationId\":1,\"signal\":0.3,\"dilutionFactor\":0}", 400,
                        "dilutionFactor must be a number from 0.001 to 1000000, was 0.0"),
                reading("dilution factor negative", "{\"stepNumber\":1,\"calibrationId\":1,\"signal\":0.3,\"dilutionFactor\":-100}",
                        400, "dilutionFactor"),
                reading("negative sampled volume", "{\"stepNumber\":1,\"calibrationId\":1,\"signal\":0.3,\"volumeSampledMl\":-5}",
                        400, "volumeSampledMl must be a number from 1.0E-4 to 10000 mL, was -5.0"),
                reading("sampled volume of 1e308", "{\"stepNumber\":1,\"calibrationId\":1,\"signal\":0.3,\"volumeSampledMl\":1e308}",
                        400, "volumeSampledMl"),
                reading("unknown reaction", "{\"stepNumber\":1,\"calibrationId\":1,\"signal\":0.3,\"reaction\":\"MAGIC\"}", 400,
                        "reaction"),
                reading("GC hydrogen of 1e308", "{\"stepNumber\":1,\"gc\":{\"hydrogenPpm\":1e308,\"carrierFlowMlPerMin\":18,"
                        + "\"durationS\":6000}}", 400, "gc.hydrogenPpm must be a number from 0 to 1000000 ppm, was 1.0E308"),
                reading("GC all 1e308", "{\"stepNumber\":1,\"gc\":{\"hydrogenPpm\":1e308,\"carrierFlowMlPerMin\":1e308,"
                        + "\"durationS\":1e308}}", 400, "gc.hydrogenPpm"),
                reading("GC negative hydrogen", "{\"stepNumber\":1,\"gc\":{\"hydrogenPpm\":-1,\"carrierFlowMlPerMin\":18,"
                        + "\"durationS\":6000}}", 400, "gc.hydrogenPpm"),
                reading("GC hydrogen as the string NaN", "{\"stepNumber\":1,\"gc\":{\"hydrogenPpm\":\"NaN\","
                        + "\"carrierFlowMlPerMin\":18,\"durationS\":6000}}", 400, "gc.hydrogenPpm must be a number, written without quotes"),
                reading("GC flow zero", "{\"stepNumber\":1,\"gc\":{\"hydrogenPpm\":100,\"carrierFlowMlPerMin\":0,"
                        + "\"durationS\":6000}}", 400, "gc.carrierFlowMlPerMin must be a number from 0.001"),
                reading("GC duration negative", "{\"stepNumber\":1,\"gc\":{\"hydrogenPpm\":100,\"carrierFlowMlPerMin\":18,"
                        + "\"durationS\":-1}}", 400, "gc.durationS"),
                reading("GC missing flow", "{\"stepNumber\":1,\"gc\":{\"hydrogenPpm\":100,\"durationS\":6000}}", 400,
                        "gc.carrierFlowMlPerMin is required"),
                reading("GC is a string", "{\"stepNumber\":1,\"gc\":\"lots\"}", 400, "gc"),
                reading("reading notes with a NUL", "{\"stepNumber\":1,\"calibrationId\":1,\"signal\":0.3,\"notes\":\"" + NUL + "\"}",
                        400, "notes contains a control character"),
                reading("reading notes of 4001 characters", "{\"stepNumber\":1,\"calibrationId\":1,\"signal\":0.3,\"notes\":\""
                        + "x".repeat(4001) + "\"}", 400, "notes has 4001 characters"),
                reading("unknown reading field", "{\"stepNumber\":1,\"calibrationId\":1,\"signal\":0.3,\"absorbance\":0.3}", 400,
                        "unknown field 'absorbance'"),
                reading("reading for a step that does not exist", "{\"stepNumber\":99,\"calibrationId\":1,\"signal\":0.3}", 400,
                        "step 99 of run"),
                new BadRequest("readings of an unknown run", "POST", "/api/runs/99999999/readings", "application/json",
                        "{\"stepNumber\":1,\"calibrationId\":1,\"signal\":0.3}", "token", 404, "run 99999999 does not exist"),
                new BadRequest("readings of a run id that is not a number", "POST", "/api/runs/x/readings", "application/json",
                        "{\"stepNumber\":1}", "token", 404, "'x' is not a run id"));
    }

    private static List<BadRequest> calibrations() {
        return List.of(
                calibration("calibration without a body", "", 400, "a JSON body is required"),
                calibration("unknown calibration method",
                        "{\"name\":\"x\",\"method\":\"UV\",\"standardsMolPerL\":[0,1e-5],\"signals\":[0.1,0.2]}", 400,
                        "INDOPHENOL_BLUE_NH3"),
                calibration("calibration without a method",
                        "{\"name\":\"x\",\"standardsMolPerL\":[0,1e-5],\"signals\":[0.1,0.2]}", 400, "method is required"),
                calibration("calibration without a name",
                        "{\"method\":\"NESSLER_NH3\",\"standardsMolPerL\":[0,1e-5],\"signals\":[0.1,0.2]}", 400, "name is required"),
                calibration("calibration name with a NUL", "{\"name\":\"x" + NUL
                        + "\",\"method\":\"NESSLER_NH3\",\"standardsMolPerL\":[0,1e-5],\"signals\":[0.1,0.2]}", 400,
                        "name contains a control character"),
                calibration("calibration name of 201 characters", "{\"name\":\"" + "n".repeat(201)
                        + "\",\"method\":\"NESSLER_NH3\",\"standardsMolPerL\":[0,1e-5],\"signals\":[0.1,0.2]}", 400,
                        "name has 201 characters; at most 200 are allowed"),
                calibration("calibration with one standard",
                        "{\"name\":\"x\",\"method\":\"NESSLER_NH3\",\"standardsMolPerL\":[0],\"signals\":[0.1]}", 400,
                        "a calibration needs 2 to 100 standards, got 1"),
                calibration("calibration without signals",
                        "{\"name\":\"x\",\"method\":\"NESSLER_NH3\",\"standardsMolPerL\":[0,1e-5]}", 400,
                        "standardsMolPerL and signals are required"),
                calibration("calibration with a NaN standard",
                        "{\"name\":\"x\",\"method\":\"NESSLER_NH3\",\"standardsMolPerL\":[0,NaN],\"signals\":[0.1,0.2]}", 400, "NaN"),
                calibration("calibration with the string NaN as a standard",
                        "{\"name\":\"x\",\"method\":\"NESSLER_NH3\",\"standardsMolPerL\":[0,\"NaN\"],\"signals\":[0.1,0.2]}", 400,
                        "standardsMolPerL.[1] must be a number, written without quotes"),
                calibration("calibration with a standard of 1e308",
                        "{\"name\":\"x\",\"method\":\"NESSLER_NH3\",\"standardsMolPerL\":[0,1e308],\"signals\":[0.1,0.2]}", 400,
                        "standardsMolPerL[1] must be a number from 0 to 100 mol/L, was 1.0E308"),
                calibration("calibration with a negative standard",
                        "{\"name\":\"x\",\"method\":\"NESSLER_NH3\",\"standardsMolPerL\":[-1,1e-5],\"signals\":[0.1,0.2]}", 400,
                        "standardsMolPerL[0]"),
                calibration("calibration with a signal of 1e308",
                        "{\"name\":\"x\",\"method\":\"NESSLER_NH3\",\"standardsMolPerL\":[0,1e-5],\"signals\":[0.1,1e308]}", 400,
                        "signals[1] must be a number from -10 to 10000"),
                calibration("calibration with a null signal",
                        "{\"name\":\"x\",\"method\":\"NESSLER_NH3\",\"standardsMolPerL\":[0,1e-5],\"signals\":[0.1,null]}", 400,
                        "signals.[1] must be a number, written without quotes (e.g. 1.5), was a JSON null"),
                calibration("calibration with a blank of 1e400",
                        "{\"name\":\"x\",\"method\":\"NESSLER_NH3\",\"standardsMolPerL\":[0,1e-5],\"signals\":[0.1,0.2],"
                                + "\"blankSignals\":[1e400]}", 400, "blankSignals.[0] must be a finite number"),
                calibration("calibration with standards as a string",
                        "{\"name\":\"x\",\"method\":\"NESSLER_NH3\",\"standardsMolPerL\":\"0,1\",\"signals\":[0.1,0.2]}", 400,
                        "standardsMolPerL must be an array of numbers"),
                calibration("calibration with fewer signals than standards",
                        "{\"name\":\"x\",\"method\":\"NESSLER_NH3\",\"standardsMolPerL\":[0,1e-5,2e-5],\"signals\":[0.1,0.2]}", 400,
                        "signals has 2 values but standardsMolPerL has 3"),
                calibration("calibration that cannot be fitted",
                        "{\"name\":\"x\",\"method\":\"NESSLER_NH3\",\"standardsMolPerL\":[1e-5,1e-5],\"signals\":[0.1,0.2]}", 400,
                        "the standards cannot be fitted"),
                get("unknown calibration", "/api/calibrations/99999999", 404, "calibration 99999999 does not exist"),
                get("calibration id not a number", "/api/calibrations/abc", 404, "'abc' is not a calibration id"));
    }

    private static List<BadRequest> protocols() {
        return List.of(
                new BadRequest("validate without a body", "POST", "/api/protocols/validate", "application/json", "", "token",
                        400, "a JSON body is required"),
                new BadRequest("validate gibberish", "POST", "/api/protocols/validate", "application/json",
                        "{\"protocol\":\"jump\"}", "token", 400, "line 1"),
                new BadRequest("validate for an unknown channel", "POST", "/api/protocols/validate", "application/json",
                        "{\"protocol\":\"Rest for 1 min\",\"channel\":\"ch7\"}", "token", 400, "channel 'ch7' does not exist"),
                new BadRequest("validate with a channel with a NUL", "POST", "/api/protocols/validate", "application/json",
                        "{\"protocol\":\"Rest for 1 min\",\"channel\":\"" + NUL + "\"}", "token", 400, "channel contains a control"),
                new BadRequest("validate with an area of 1e-300", "POST", "/api/protocols/validate", "application/json",
                        "{\"protocol\":\"Rest for 1 min\",\"channel\":\"ch1\",\"cell\":{\"areaCm2\":1e-300}}", "token", 400,
                        "cell.areaCm2 must be a number from"),
                new BadRequest("convert without a body", "POST", "/api/protocols/convert", "application/json", "", "token", 400,
                        "a JSON body is required"),
                new BadRequest("convert a number", "POST", "/api/protocols/convert", "application/json",
                        "{\"protocol\":12}", "token", 400, "protocol must be"),
                new BadRequest("save a protocol without a name", "POST", "/api/protocols", "application/json",
                        "{\"protocol\":\"Rest for 1 min\"}", "token", 400, "name is required"),
                new BadRequest("save a protocol whose name has a NUL", "POST", "/api/protocols", "application/json",
                        "{\"name\":\"a" + NUL + "\",\"protocol\":\"Rest for 1 min\"}", "token", 400, "name contains a control"),
                new BadRequest("save a protocol with a 201-character name", "POST", "/api/protocols", "application/json",
                        "{\"name\":\"" + "p".repeat(201) + "\",\"protocol\":\"Rest for 1 min\"}", "token", 400,
                        "name has 201 characters"),
                new BadRequest("save gibberish", "POST", "/api/protocols", "application/json",
                        "{\"name\":\"x\",\"protocol\":\"fly\"}", "token", 400, "line 1"),
                new BadRequest("save a protocol as a JSON object", "POST", "/api/protocols", "application/json",
                        "{\"name\":\"x\",\"protocol\":{\"steps\":[]}}", "token", 400, "protocol"),
                new BadRequest("change an unknown saved protocol", "PUT", "/api/protocols/99999999", "application/json",
                        "{\"name\":\"x\",\"protocol\":\"Rest for 1 min\"}", "token", 404, "does not exist"),
                new BadRequest("change a saved protocol id that is not a number", "PUT", "/api/protocols/abc", "application/json",
                        "{\"name\":\"x\",\"protocol\":\"Rest for 1 min\"}", "token", 404, "'abc' is not a saved protocol id"),
                new BadRequest("delete an unknown saved protocol", "DELETE", "/api/protocols/99999999", "application/json", null,
                        "token", 404, "saved protocol 99999999 does not exist"),
                get("read an unknown saved protocol", "/api/protocols/99999999", 404, "saved protocol 99999999 does not exist"));
    }

    private static List<BadRequest> controls() {
        return List.of(
                control("answer for an unknown run", "/api/runs/99999999/answer", "{\"answer\":\"yes\"}", 404,
                        "run 99999999 does not exist"),
                control("answer of 1001 characters", "/api/runs/" + RUN + "/answer", "{\"answer\":\"" + "a".repeat(1001) + "\"}",
                        400, "answer has 1001 characters; at most 1000 are allowed (nothing was stored)"),
                control("answer with a NUL", "/api/runs/" + RUN + "/answer", "{\"answer\":\"ok" + NUL + "\"}", 400,
                        "answer contains a control character"),
                control("answer as a number", "/api/runs/" + RUN + "/answer", "{\"answer\":42}", 400, "answer"),
                control("answer as a boolean", "/api/runs/" + RUN + "/answer", "{\"answer\":true}", 400, "answer"),
                control("answer a run that asks nothing", "/api/runs/" + RUN + "/answer", "{\"answer\":\"yes\"}", 409,
                        "it is DONE, and only a WAITING_FOR_ANSWER run can be answered"),
                control("stop an unknown run", "/api/runs/99999999/stop", "{}", 404, "run 99999999 does not exist"),
                control("pause an unknown run", "/api/runs/99999999/pause", "{}", 404, "run 99999999 does not exist"),
                control("resume an unknown run", "/api/runs/99999999/resume", "{}", 404, "run 99999999 does not exist"),
                control("pause a finished run", "/api/runs/" + RUN + "/pause", "{}", 409,
                        "it is DONE, and only a RUNNING run can be paused"),
                control("stop a run id that is not a number", "/api/runs/abc/stop", "{}", 404, "'abc' is not a run id"),
                control("stop a run id beyond a long", "/api/runs/99999999999999999999/stop", "{}", 404, "is not a run id"),
                control("record a calibration point of 1e308", "/api/channels/ch1/calibration/voltage/points",
                        "{\"trueValue\":1e308}", 400, "trueValue must be a number from -1000 to 1000 V or A, was 1.0E308"),
                control("record a calibration point as the string NaN", "/api/channels/ch1/calibration/voltage/points",
                        "{\"trueValue\":\"NaN\"}", 400, "trueValue must be a number, written without quotes"),
                control("drive 50 A while calibrating", "/api/channels/ch1/calibration/current/points",
                        "{\"trueValue\":0.01,\"driveCurrentA\":50}", 400, "driveCurrentA must be a number from -10 to 10 A"),
                control("calibrate on the simulated backend", "/api/channels/ch1/calibration/voltage/apply", "{}", 409,
                        "calibration applies to the pi4j backend"),
                control("rotate the token of an unknown role", "/api/admin/tokens/root/rotate", "{}", 400,
                        "role 'root' does not exist"),
                new BadRequest("back up as text", "POST", "/api/admin/backup", "text/plain", "now", "token", 415,
                        "POST /api/admin/backup needs 'Content-Type: application/json'"),
                new BadRequest("pause as an empty form", "POST", "/api/runs/1/pause", null, null, "token", 415,
                        "it came as 'application/x-www-form-urlencoded"));
    }

    private static List<BadRequest> reads() {
        return List.of(
                get("run id not a number", "/api/runs/abc", 404, "'abc' is not a run id: ids are whole numbers"),
                get("unknown run", "/api/runs/99999999", 404, "run 99999999 does not exist"),
                get("events of an unknown run", "/api/runs/99999999/events", 404, "run 99999999 does not exist"),
                get("cycles of an unknown run", "/api/runs/99999999/cycles", 404, "run 99999999 does not exist"),
                get("steps of an unknown run", "/api/runs/99999999/steps", 404, "run 99999999 does not exist"),
                get("polarization of an unknown run", "/api/runs/99999999/polarization", 404, "run 99999999 does not exist"),
                get("readings of an unknown run", "/api/runs/99999999/readings", 404, "run 99999999 does not exist"),
                get("export of an unknown run", "/api/runs/99999999/export?format=csv", 404, "run 99999999 does not exist"),
                get("export in an unknown format", "/api/runs/" + RUN + "/export?format=xls", 400, "xls"),
                get("samples of an unknown run", "/api/runs/99999999/samples", 404, "run 99999999 does not exist"),
                get("samples with 5 points", "/api/runs/" + RUN + "/samples?maxPoints=5", 400, "maxPoints is '5'"),
                get("samples from a negative time", "/api/runs/" + RUN + "/samples?from=-1", 400, "from is '-1'"),
                get("samples from NaN", "/api/runs/" + RUN + "/samples?from=NaN", 400, "from is 'NaN'"),
                get("samples to before from", "/api/runs/" + RUN + "/samples?from=10&to=5", 400, "must not be before from"),
                get("stream of an unknown channel", "/api/stream?channel=ch9", 400, "channel 'ch9' does not exist"),
                get("calibration of an unknown channel", "/api/channels/ch9/calibration", 409, "calibration applies to the pi4j"),
                get("an unknown API route", "/api/nothing", 404, "nothing here: /api/nothing is not a route"),
                get("stop with GET", "/api/runs/1/stop", 405, "GET /api/runs/1/stop is not allowed"),
                get("a path with dot segments", "/api/runs/1/x/../../2", 400, "is not in its plain form"));
    }

    private static List<BadRequest> access() {
        String run = "{\"channel\":\"ch1\"," + REST + "," + CELL + "}";
        return List.of(
                new BadRequest("no credentials", "POST", "/api/runs", "application/json", run, "none", 401, "authentication required"),
                new BadRequest("wrong bearer token", "POST", "/api/runs", "application/json", run, "wrong", 401,
                        "not one of the station's tokens"),
                new BadRequest("basic credentials", "GET", "/api/runs", null, null, "basic", 401, "must be 'Bearer <token>'"),
                new BadRequest("metrics without a token", "GET", "/q/metrics", null, null, "none", 401, "authentication required"),
                new BadRequest("API description without a token", "GET", "/q/openapi", null, null, "none", 401,
                        "authentication required"),
                new BadRequest("viewer starts a run", "POST", "/api/runs", "application/json", run, "viewer", 403,
                        "the viewer token is read-only: POST /api/runs needs the operator's token"),
                new BadRequest("viewer stops a run", "POST", "/api/runs/1/stop", "application/json", "{}", "viewer", 403,
                        "the viewer token is read-only"),
                new BadRequest("viewer enters a reading", "POST", "/api/runs/1/readings", "application/json", "{}", "viewer", 403,
                        "the viewer token is read-only"),
                new BadRequest("viewer backs up", "POST", "/api/admin/backup", "application/json", "{}", "viewer", 403,
                        "the viewer token is read-only"),
                new BadRequest("viewer rotates its own token", "POST", "/api/admin/tokens/viewer/rotate", "application/json", "{}",
                        "viewer", 403, "the viewer token is read-only"),
                new BadRequest("login with a wrong token", "POST", "/api/login", "application/json", "{\"token\":\"guess\"}",
                        "none", 401, "token is not one of the station's tokens"),
                new BadRequest("login without a token", "POST", "/api/login", "application/json", "{}", "none", 401,
                        "token is not one of the station's tokens"),
                new BadRequest("login with a token of 201 characters", "POST", "/api/login", "application/json",
                        "{\"token\":\"" + "t".repeat(201) + "\"}", "none", 400, "token has 201 characters"),
                new BadRequest("login as a form", "POST", "/api/login", "application/x-www-form-urlencoded", "token=x", "none",
                        415, "POST /api/login needs 'Content-Type: application/json'"),
                new BadRequest("login with a 5 KB body", "POST", "/api/login", "application/json",
                        "{\"token\":\"" + "t".repeat(5000) + "\"}", "none", 413, "POST /api/login accepts a body of at most 4 KiB"),
                new BadRequest("cross-port form post with the phone's cookie", "POST", "/api/runs/1/pause", "text/plain", "x=1",
                        "cookie-from-other-port", 403, "cross-origin request refused"),
                new BadRequest("cross-port JSON post with the phone's cookie", "POST", "/api/runs", "application/json", run,
                        "cookie-from-other-port", 403, "cross-site request forgery"));
    }

    private static List<BadRequest> http() {
        return List.of(
                get("a URI of 5000 characters", "/api/runs?x=" + "u".repeat(5000), 414, "the request URI has 5012 characters"),
                get("a page that does not exist", "/nothing.html", 404, "nothing here: /nothing.html"));
    }

    private static BadRequest run(String name, String body, int status, String fragment) {
        return new BadRequest(name, "POST", "/api/runs", "application/json", body, "token", status, fragment);
    }

    private static BadRequest cell(String name, String cell, int status, String fragment) {
        return run(name, "{\"channel\":\"ch1\"," + REST + ",\"cell\":" + cell + "}", status, fragment);
    }

    private static BadRequest reading(String name, String body, int status, String fragment) {
        return new BadRequest(name, "POST", "/api/runs/" + RUN + "/readings", "application/json", body, "token", status,
                fragment);
    }

    private static BadRequest calibration(String name, String body, int status, String fragment) {
        return new BadRequest(name, "POST", "/api/calibrations", "application/json", body, "token", status, fragment);
    }

    private static BadRequest control(String name, String path, String body, int status, String fragment) {
        return new BadRequest(name, "POST", path, "application/json", body, "token", status, fragment);
    }

    private static BadRequest get(String name, String path, int status, String fragment) {
        return new BadRequest(name, "GET", path, null, null, "token", status, fragment);
    }

    @Test
    @Order(1)
    void aHoldHasRunAndWhatExistsIsCounted() {
        run = given().contentType(ContentType.JSON)
                .body("{\"channel\":\"ch3\",\"protocol\":\"Hold at -0.4 V vs Ag/AgCl for 2 min\",\"cell\":{\"areaCm2\":1,"
                        + "\"catholyteVolumeMl\":40,\"catalystMassMg\":2}}")
                .post("/api/runs").then().statusCode(201).extract().jsonPath().getLong("id");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/runs/" + run)
                .then().body("state", equalTo("DONE")));
        runs = given().get("/api/runs").jsonPath().getList("$").size();
        calibrations = given().get("/api/calibrations").jsonPath().getList("$").size();
        savedProtocols = given().get("/api/protocols").jsonPath().getList("$").size();
        readings = given().get("/api/runs/" + run + "/readings").jsonPath().getList("$").size();
        tokensBefore = Map.of(Role.OPERATOR, tokens.value(Role.OPERATOR), Role.VIEWER, tokens.value(Role.VIEWER));
        assertThat(corpus().count()).isGreaterThanOrEqualTo(120);
        assertThat(corpus().map(BadRequest::path).map(p -> p.replaceAll("\\?.*", ""))
                .map(p -> p.replaceAll("/(\\d+|RUN|abc|x)(?=/|$)", "/{id}")).distinct().count()).isGreaterThanOrEqualTo(30);
    }

    @Order(2)
    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void getsA4xxNamingTheProblem(BadRequest request) {
        String session = request.credentials().equals("cookie-from-other-port") ? logIn(tokens.value()) : null;
        String operator = tokens.value();
        forgetTheToken();
        RequestSpecification spec = switch (request.credentials()) {
            case "token" -> given().header("Authorization", "Bearer " + operator);
            case "viewer" -> given().header("Authorization", "Bearer " + tokens.value(Role.VIEWER));
            case "wrong" -> given().header("Authorization", "Bearer not-the-token");
            case "basic" -> given().header("Authorization", "Basic dXNlcjpwYXNz");
            case "cookie-from-other-port" -> given().cookie("no3rr_session", session)
                    .header("Origin", "http://" + base.getHost() + ":" + (base.getPort() + 1));
            default -> given();
        };
        if (request.contentType() != null) {
            spec = spec.contentType(request.contentType());
        }
        if (request.body() != null) {
            spec = spec.body(request.body());
        }
        Response response = spec.request(request.method(), request.path().replace(RUN, Long.toString(run)));
        String body = response.asString();

        assertThat(response.statusCode()).as("%s: %s", request.name(), body).isEqualTo(request.status());
        assertThat(body).as(request.name()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(response.contentType()).as(request.name()).startsWith("application/json");
        assertThat(response.jsonPath().getInt("status")).as(request.name()).isEqualTo(request.status());
        assertThat(response.jsonPath().getString("error")).as(request.name()).contains(request.messageFragment());
    }

    /** Dozens of connections declare a megabyte each to the open login and stall: refused at once, the station goes on. */
    @Test
    @Order(3)
    void aSlowBodyFloodIsRefusedAndTheStationGoesOn() throws IOException {
        List<Socket> flood = new ArrayList<>();
        try {
            for (int i = 0; i < 60; i++) {
                Socket socket = new Socket(base.getHost(), base.getPort());
                OutputStream out = socket.getOutputStream();
                out.write(("POST /api/login HTTP/1.1\r\nHost: " + base.getHost() + "\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 1000000\r\n\r\n{\"token\":\"").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                flood.add(socket);
            }
            for (Socket socket : flood) {
                socket.setSoTimeout(10_000);
                String answer = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
                assertThat(answer).isEqualTo("HTTP/1.1 413");
            }
            long started = System.nanoTime();
            given().get("/q/health").then().statusCode(200);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
        } finally {
            for (Socket socket : flood) {
                socket.close();
            }
        }
    }

    @Test
    @Order(4)
    void nothingWasHalfWritten() {
        forgetTheToken();
        RequestSpecification operator = given().header("Authorization", "Bearer " + tokens.value());
        assertThat(given().spec(operator).get("/api/runs").jsonPath().getList("$")).hasSize(runs);
        assertThat(given().spec(operator).get("/api/calibrations").jsonPath().getList("$")).hasSize(calibrations);
        assertThat(given().spec(operator).get("/api/protocols").jsonPath().getList("$")).hasSize(savedProtocols);
        assertThat(given().spec(operator).get("/api/runs/" + run + "/readings").jsonPath().getList("$")).hasSize(readings);
        assertThat(given().spec(operator).get("/api/runs/" + run + "/events").asString()).doesNotContain("\\u0000");
        assertThat(Map.of(Role.OPERATOR, tokens.value(Role.OPERATOR), Role.VIEWER, tokens.value(Role.VIEWER)))
                .isEqualTo(tokensBefore);
    }

    /** Last, as it changes a token: after a rotation the old viewer token and its session get 401. */
    @Test
    @Order(5)
    void afterARotationTheOldTokenAndItsSessionGet401() {
        String oldViewer = tokens.value(Role.VIEWER);
        String viewerSession = logIn(oldViewer);
        forgetTheToken();
        given().header("Authorization", "Bearer " + tokens.value()).contentType(ContentType.JSON).body("{}")
                .post("/api/admin/tokens/viewer/rotate").then().statusCode(200);
        given().header("Authorization", "Bearer " + oldViewer).get("/api/runs").then().statusCode(401)
                .body("error", equalTo("the bearer token is not one of the station's tokens (it may have been rotated)"));
        given().cookie("no3rr_session", viewerSession).get("/api/runs").then().statusCode(401)
                .body("field", equalTo("Authorization"));
    }

    private String logIn(String token) {
        return given().contentType(ContentType.JSON).body("{\"token\":\"" + token + "\"}").post("/api/login")
                .then().statusCode(200).extract().cookie("no3rr_session");
    }
}
