package org.no3rr.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The .deb that `package` built into target/, and ways to look inside it with dpkg-deb. */
final class BuiltPackage {

    static final String NAME = System.getProperty("deb.package", "no3rr-station");

    private BuiltPackage() {
    }

    /** The newest no3rr-station_*_all.deb in target/ (each build has a new, dated version). */
    static Path file() {
        Path dir = Path.of(System.getProperty("deb.dir", "target"));
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().matches(NAME + "_.+_all\\.deb"))
                    .max(Comparator.comparing(BuiltPackage::modified))
                    .orElseThrow(() -> new AssertionError("no " + NAME + "_*_all.deb in " + dir.toAbsolutePath()
                            + ": run ./mvnw package first"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Unpacks the package's files into {@code root}, as dpkg would into /. */
    static Path unpack(Path root) {
        RequiredTool.require("dpkg-deb", "dpkg");
        Command.check("dpkg-deb", "-x", file().toString(), root.toString());
        return root;
    }

    /** Extracts the control archive (control, conffiles, maintainer scripts) into {@code dir}. */
    static Path control(Path dir) {
        RequiredTool.require("dpkg-deb", "dpkg");
        Command.check("dpkg-deb", "-e", file().toString(), dir.toString());
        return dir;
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
