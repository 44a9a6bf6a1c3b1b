package org.no3rr.station.admin;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** After a backup the oldest beyond station.backup.keep are deleted, and nothing that is not a backup. */
class BackupRetentionTest {

    @TempDir
    Path backups;

    @Test
    void theNewestKeepRemainAndOtherFilesAreNeverTouched() throws IOException {
        for (int day = 1; day <= 5; day++) {
            Path zip = Files.createFile(backups.resolve("station-2026120" + day + "-093000.zip"));
            Files.setLastModifiedTime(zip, FileTime.fromMillis(day * 86_400_000L));
        }
        Files.createFile(backups.resolve("my-notes.txt"));
        Files.createFile(backups.resolve("station-old.zip"));

        List<String> deleted = BackupService.pruneBeyond(backups, 2);

        assertThat(deleted).map(p -> Path.of(p).getFileName().toString())
                .containsExactly("station-20261203-093000.zip", "station-20261202-093000.zip", "station-20261201-093000.zip");
        try (Stream<Path> left = Files.list(backups)) {
            assertThat(left.map(p -> p.getFileName().toString()).sorted()).containsExactly("my-notes.txt",
                    "station-20261204-093000.zip", "station-20261205-093000.zip", "station-old.zip");
        }
    }

    @Test
    void keepZeroKeepsEverything() throws IOException {
        Files.createFile(backups.resolve("station-20261201-093000.zip"));
        assertThat(BackupService.pruneBeyond(backups, 0)).isEmpty();
        assertThat(backups.resolve("station-20261201-093000.zip")).exists();
    }
}
