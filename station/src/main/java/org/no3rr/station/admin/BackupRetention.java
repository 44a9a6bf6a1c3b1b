package org.no3rr.station.admin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Keeps a backup directory from filling the disk: only the newest backups stay. Their names
 * ({@code station-yyyyMMdd-HHmmss[-n].zip}) sort by age, so age is read from the name, not from
 * the file's time, which a copy would change. Other files are left alone.
 */
final class BackupRetention {

    private static final Pattern BACKUP = Pattern.compile("station-(\\d{8}-\\d{6})(?:-(\\d+))?\\.zip");

    private BackupRetention() {
    }

    /** Deletes all but the {@code keep} newest backups in {@code directory}; returns the deleted ones. */
    static List<Path> keepNewest(Path directory, int keep) throws IOException {
        if (keep < 1) {
            throw new IllegalArgumentException("station.storage.backups-kept is " + keep + "; it must be at least 1");
        }
        List<Path> oldestFirst;
        try (Stream<Path> files = Files.list(directory)) {
            oldestFirst = files.filter(f -> BACKUP.matcher(f.getFileName().toString()).matches())
                    .sorted(Comparator.comparing(BackupRetention::stamp).thenComparingInt(BackupRetention::number))
                    .toList();
        }
        List<Path> deleted = oldestFirst.subList(0, Math.max(0, oldestFirst.size() - keep));
        for (Path old : deleted) {
            Files.deleteIfExists(old);
        }
        return deleted;
    }

    private static String stamp(Path file) {
        var m = BACKUP.matcher(file.getFileName().toString());
        m.matches();
        return m.group(1);
    }

    private static int number(Path file) {
        var m = BACKUP.matcher(file.getFileName().toString());
        m.matches();
        return m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
    }
}
