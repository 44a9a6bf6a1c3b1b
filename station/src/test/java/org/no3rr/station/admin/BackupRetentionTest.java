package org.no3rr.station.admin;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackupRetentionTest {

    @Test
    void onlyTheNewestBackupsStayByTheTimeInTheirNames(@TempDir Path dir) throws IOException {
        for (String name : new String[] {"station-20261201-120000.zip", "station-20261201-120000-2.zip",
                "station-20261130-235959.zip", "station-20261202-000000.zip", "notes.txt"}) {
            Files.writeString(dir.resolve(name), name);
        }
        assertThat(BackupRetention.keepNewest(dir, 2)).extracting(p -> p.getFileName().toString())
                .containsExactly("station-20261130-235959.zip", "station-20261201-120000.zip");
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
                    "station-20261201-120000-2.zip", "station-20261202-000000.zip", "notes.txt");
        }
        assertThat(BackupRetention.keepNewest(dir, 2)).as("nothing more to delete").isEmpty();
    }

    @Test
    void keepingNoneIsRefused(@TempDir Path dir) {
        assertThatThrownBy(() -> BackupRetention.keepNewest(dir, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("station.storage.backups-kept is 0; it must be at least 1");
    }
}
