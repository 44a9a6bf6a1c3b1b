package org.no3rr.station.admin;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.no3rr.station.AuthenticatedApiTest;
import org.no3rr.station.config.StationConfig;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** An online backup is a database that opens and holds the same runs as the live one. */
@QuarkusTest
class BackupTest extends AuthenticatedApiTest {

    @Inject
    DataSource dataSource;

    @Inject
    StationConfig config;

    @Test
    void theBackupOpensAndHoldsTheSameRuns() throws SQLException {
        given().contentType("application/json")
                .body("{\"channel\":\"ch3\",\"protocol\":\"Rest for 3 s\",\"cell\":{\"areaCm2\":1}}")
                .post("/api/runs").then().statusCode(201);
        String before = runsFingerprint(dataSource.getConnection());

        JsonPath backup = given().post("/api/admin/backup").then().statusCode(200).extract().jsonPath();
        Path zip = Path.of(backup.getString("path"));

        assertThat(zip.getParent()).isEqualTo(Path.of(config.dataDir()).toAbsolutePath().normalize().resolve("backups"));
        assertThat(zip.getFileName().toString()).matches("station-\\d{8}-\\d{6}(-\\d+)?\\.zip");
        assertThat(backup.getLong("bytes")).isEqualTo(fileSize(zip)).isPositive();
        assertThat(permissions(zip)).as("a backup is research data: its owner's only").isEqualTo("rw-------");
        assertThat(permissions(zip.getParent())).isEqualTo("rwx------");
        String after = runsFingerprint(dataSource.getConnection());
        try (Connection copy = DriverManager.getConnection("jdbc:h2:zip:" + zip + "!/station;ACCESS_MODE_DATA=r",
                "station", "")) {
            String inBackup = runsFingerprint(copy);
            assertThat(inBackup).isIn(before, after);
        }
    }

    /** Run ids and states, in order: two databases with the same runs give the same text. */
    private static String runsFingerprint(Connection connection) throws SQLException {
        StringBuilder text = new StringBuilder();
        try (connection; Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT id, channel_id, protocol_text FROM run ORDER BY id")) {
            while (rs.next()) {
                text.append(rs.getLong(1)).append(' ').append(rs.getString(2)).append(' ')
                        .append(rs.getString(3)).append('\n');
            }
        }
        return text.toString();
    }

    private static String permissions(Path path) {
        try {
            return java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static long fileSize(Path file) {
        try {
            return Files.size(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
