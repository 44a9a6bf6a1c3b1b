package org.no3rr.station.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files and directories readable by the station's user only, whatever the process's umask: they are
 * created with their permissions (never made first and narrowed later) and existing ones are narrowed.
 * Research data and tokens must not be readable by other accounts on a shared Pi.
 */
public final class OwnerOnlyFiles {

    public static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    public static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private OwnerOnlyFiles() {
    }

    /** Creates the directory (and missing parents) owner-only, or narrows an existing one. */
    public static Path directory(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            Files.createDirectories(directory, attributes(DIRECTORY));
        }
        restrict(directory, DIRECTORY);
        return directory;
    }

    /** Creates an empty owner-only file; fails if it exists. */
    public static Path createFile(Path file) throws IOException {
        return Files.createFile(file, attributes(FILE));
    }

    /**
     * Replaces {@code file} with {@code text} atomically: written to an owner-only file beside it, then
     * moved over it, so a reader sees the old content or the new, never a half-written token.
     */
    public static void writeAtomically(Path file, String text) throws IOException {
        Path temporary = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".new", attributes(FILE));
        try {
            Files.writeString(temporary, text, StandardCharsets.US_ASCII);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Narrows an existing file or directory to owner-only; true if it had to be narrowed. */
    public static boolean restrict(Path path, Set<PosixFilePermission> permissions) throws IOException {
        if (!POSIX || !Files.exists(path) || Files.getPosixFilePermissions(path).equals(permissions)) {
            return false;
        }
        Files.setPosixFilePermissions(path, permissions);
        return true;
    }

    private static FileAttribute<?>[] attributes(Set<PosixFilePermission> permissions) {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)} : new FileAttribute<?>[0];
    }
}
