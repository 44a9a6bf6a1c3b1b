package org.no3rr.station.hardware;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SimulatedCellFilesTest {

    @TempDir
    Path dir;

    @Test
    void aChannelWithoutAFileHasNoSnapshot() throws IOException {
        assertThat(new SimulatedCellFiles(dir).read("ch1")).isEmpty();
    }

    @Test
    void theNewestWriteIsReadBackAndTheFileKeepsTwoPages() throws IOException {
        SimulatedCellFiles files = new SimulatedCellFiles(dir);
        files.write("ch1", "format=1\nstate=a\n");
        files.write("ch1", "format=1\nstate=b\n");
        files.write("ch1", "format=1\nstate=c\n");

        assertThat(files.read("ch1")).contains("format=1\nstate=c\n");
        assertThat(new SimulatedCellFiles(dir).read("ch1")).contains("format=1\nstate=c\n");
        assertThat(Files.size(files.file("ch1"))).as("both slots' pages from the first write on")
                .isEqualTo(2 * SimulatedCellFiles.SLOT);
    }

    @Test
    void aWriteTornInItsSlotLeavesTheSnapshotBefore() throws IOException {
        SimulatedCellFiles files = new SimulatedCellFiles(dir);
        files.write("ch1", "format=1\nstate=a\n"); // slot 1
        files.write("ch1", "format=1\nstate=b\n"); // slot 0
        overwrite(files.file("ch1"), 20 + 15, "X"); // a byte of slot 0's text, as a torn sector would leave it

        assertThat(new SimulatedCellFiles(dir).read("ch1")).contains("format=1\nstate=a\n");
    }

    @Test
    void aStationRestartedAfterATornWriteWritesOverTheTornSlotNotTheIntactOne() throws IOException {
        SimulatedCellFiles files = new SimulatedCellFiles(dir);
        files.write("ch1", "format=1\nstate=a\n"); // sequence 1, slot 1
        files.write("ch1", "format=1\nstate=b\n"); // sequence 2, slot 0
        overwrite(files.file("ch1"), 0, "torn");

        SimulatedCellFiles restarted = new SimulatedCellFiles(dir);
        restarted.write("ch1", "format=1\nstate=c\n"); // sequence 2 again, into slot 0
        overwrite(files.file("ch1"), 20 + 15, "X");

        assertThat(new SimulatedCellFiles(dir).read("ch1")).contains("format=1\nstate=a\n");
    }

    @Test
    void aFileOfTheEarlierFormatIsReadAndStaysReadableUntilAWriteSucceeds() throws IOException {
        SimulatedCellFiles files = new SimulatedCellFiles(dir);
        Files.writeString(files.file("ch1"), "format=1\nkind=ZN_NITRATE_BATTERY\n");
        assertThat(files.read("ch1")).contains("format=1\nkind=ZN_NITRATE_BATTERY\n");

        files.write("ch1", "format=1\nstate=new\n"); // slot 1: the earlier text stays in the first page
        assertThat(files.read("ch1")).contains("format=1\nstate=new\n");
        overwrite(files.file("ch1"), SimulatedCellFiles.SLOT + 20, "X");
        assertThat(files.read("ch1")).contains("format=1\nkind=ZN_NITRATE_BATTERY\n");
    }

    @Test
    void aFileWithNeitherSlotIntactIsRefusedWithAReason() throws IOException {
        SimulatedCellFiles files = new SimulatedCellFiles(dir);
        files.write("ch1", "format=1\nstate=a\n");
        overwrite(files.file("ch1"), SimulatedCellFiles.SLOT, "torn");

        assertThatThrownBy(() -> files.read("ch1")).isInstanceOf(IOException.class)
                .hasMessage("neither of its two slots holds an intact snapshot");
    }

    @Test
    void aSnapshotLargerThanASlotIsRefusedAndNothingIsWritten() {
        SimulatedCellFiles files = new SimulatedCellFiles(dir);
        assertThatThrownBy(() -> files.write("ch1", "x".repeat(4077))).isInstanceOf(IOException.class)
                .hasMessage("a snapshot of 4077 bytes does not fit a slot of 4076 bytes");
        assertThat(files.file("ch1")).doesNotExist();
    }

    private static void overwrite(Path file, long position, String bytes) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(bytes.getBytes()), position);
        }
    }
}
