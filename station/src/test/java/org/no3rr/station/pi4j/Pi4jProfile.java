package org.no3rr.station.pi4j;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Set;
import org.no3rr.hal.board.BoardFile;

/**
 * The station on {@code station.hal.backend=pi4j}: the example board file copied to disk as an
 * operator would install it, the real drivers on {@link FakePi4j}'s fake chips and mock GPIO, and
 * a stored calibration of ch4's voltage (db/pi4j-seed) that must be in force from the start.
 * Runs in real time on the wall clock, so protocols here last seconds.
 */
public class Pi4jProfile implements QuarkusTestProfile {

    static final Path BOARD_FILE = Path.of("target", "pi4j-test", "board.properties").toAbsolutePath();

    @Override
    public Map<String, String> getConfigOverrides() {
        copyExampleBoard();
        return Map.of(
                "station.hal.backend", "pi4j",
                "station.hal.board-file", BOARD_FILE.toString(),
                "station.reading-interval", "500ms",
                "quarkus.flyway.locations", "db/migration,db/pi4j-seed");
    }

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(FakePi4j.class);
    }

    private static void copyExampleBoard() {
        try (InputStream example = BoardFile.class.getResourceAsStream(BoardFile.EXAMPLE_RESOURCE)) {
            Files.createDirectories(BOARD_FILE.getParent());
            Files.copy(example, BOARD_FILE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
