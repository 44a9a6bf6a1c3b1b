package org.no3rr.station.pi4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pi4j.context.Context;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.no3rr.hal.HalException;
import org.no3rr.hal.ads1115.Mux;
import org.no3rr.hal.board.BoardFile;
import org.no3rr.hal.fake.FakeAds1115;
import org.no3rr.hal.fake.FakeI2cProvider;
import org.no3rr.hal.fake.FakeRig;
import org.no3rr.hal.instrument.TwoPointCalibration;
import org.no3rr.station.calibration.AnalogPath;
import org.no3rr.station.config.StationConfig;
import org.no3rr.station.hardware.ControlLoopWatch;
import org.no3rr.station.hardware.Pi4jStationBackend;

/** What stops the Pi4J backend from starting, and what it starts with. Plain JUnit, fake chips. */
class Pi4jStationBackendTest {

    @TempDir
    Path dir;

    private final FakeI2cProvider chips = FakeRig.exampleChips();
    private Context context;

    private final List<String> boardsAsked = new ArrayList<>();

    private Pi4jStationBackend start(Optional<Path> boardFile, Map<String, TwoPointCalibration> calibrations) {
        return Pi4jStationBackend.start(hal(boardFile), () -> {
            context = FakeRig.context(chips);
            return context;
        }, boardId -> {
            boardsAsked.add(boardId);
            return calibrations;
        }, ControlLoopWatch.unwatched());
    }

    @Test
    void withoutABoardFileTheStationDoesNotStart() {
        assertThatThrownBy(() -> start(Optional.empty(), Map.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("station.hal.board-file is required with station.hal.backend=pi4j: the path of the rig's board"
                        + " file, e.g. /etc/no3rr/board.properties (keys in docs/hardware.md)");
    }

    @Test
    void aBoardFileThatIsNotThereIsNamed() {
        Path missing = dir.resolve("board.properties");

        assertThatThrownBy(() -> start(Optional.of(missing), Map.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("station.hal.board-file = " + missing + " cannot be read (java.nio.file.NoSuchFileException");
    }

    @Test
    void anInvalidBoardFileIsRejectedNamingEveryWrongEntry() throws IOException {
        Path board = exampleBoard(text -> text.replace("channel.ch2.adc.address=0x49", "channel.ch2.adc.address=0x50")
                + "\nchannel.ch2.colour=blue\n");

        assertThatThrownBy(() -> start(Optional.of(board), Map.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("station.hal.board-file: board file " + board + " has 2 error(s):\n"
                        + "  - channel.ch2.adc.address = 0x50 is not an ADS1115 address: allowed 0x48 to 0x4B\n"
                        + "  - unknown key channel.ch2.colour: see docs/hardware.md for the board-file keys");
        assertThat(context).as("no context was created for an invalid board").isNull();
    }

    @Test
    void aChipThatDoesNotAnswerStopsTheStartNamingChipBusAndAddress() throws IOException {
        Path board = exampleBoard(text -> text);
        chips.unplug(1, 0x4A);

        assertThatThrownBy(() -> start(Optional.of(board), Map.of()))
                .isInstanceOf(HalException.class)
                .hasMessage("station.hal.backend=pi4j: the rig of board file " + board + " could not be opened; check the"
                        + " wiring and the addresses in the board file. hardware self-test failed:\n"
                        + "  - ADS1115 on bus 1 at 0x4A (channel.ch3.adc.address) did not answer: Remote I/O error (no ACK from 0x4A)");
        assertThat(context.isShutdown()).as("the context is given back").isTrue();
    }

    @Test
    void storedCalibrationsApplyToEveryReadingAndThoseOfPathsTheBoardLacksAreLeftOut() throws IOException {
        Path board = exampleBoard(text -> text);
        Pi4jStationBackend backend = start(Optional.of(board), Map.of(
                "ch1.voltage", new TwoPointCalibration(1.01, -0.005),
                "ch9.voltage", new TwoPointCalibration(2.0, 0.0),
                "ch1.potential", new TwoPointCalibration(3.0, 0.0)));
        try {
            chips.opened(1, 0x48, FakeAds1115.class).input(Mux.AIN0_AIN1, 0.25);

            assertThat(boardsAsked).as("the calibrations of the board file's board.id").containsExactly("no3rr-ref-0001");
            assertThat(backend.channels().get(0).hardware().measure(0).voltage()).isEqualTo(1.01 * 1.5 - 0.005);
            assertThat(backend.activeCalibration("ch1", AnalogPath.VOLTAGE)).isEqualTo(new TwoPointCalibration(1.01, -0.005));
            assertThat(backend.activeCalibration("ch1", AnalogPath.CURRENT)).isEqualTo(TwoPointCalibration.identity());
            assertThat(backend.channels().get(0).clock().getClass().getSimpleName()).isEqualTo("WallClock");
        } finally {
            backend.close();
        }
        assertThat(context.isShutdown()).isTrue();
    }

    private Path exampleBoard(java.util.function.UnaryOperator<String> edit) throws IOException {
        String text;
        try (InputStream in = BoardFile.class.getResourceAsStream(BoardFile.EXAMPLE_RESOURCE)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Path board = dir.resolve("board.properties");
        Files.writeString(board, edit.apply(text));
        return board;
    }

    private static StationConfig.Hal hal(Optional<Path> boardFile) {
        return new StationConfig.Hal() {
            @Override
            public String backend() {
                return Pi4jStationBackend.NAME;
            }

            @Override
            public Optional<Path> boardFile() {
                return boardFile;
            }
        };
    }
}
