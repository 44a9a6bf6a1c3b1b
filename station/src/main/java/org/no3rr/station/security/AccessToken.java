package org.no3rr.station.security;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.no3rr.station.config.StationConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The station's access token. Created on first start in {@code <data-dir>/access-token}, readable
 * only by the user the station runs as, and printed once in the log; read from there afterwards.
 * Whoever can read that file — or was shown the token — may control the station.
 */
@ApplicationScoped
public class AccessToken {

    public static final String FILE_NAME = "access-token";
    private static final Logger LOG = Logger.getLogger(AccessToken.class);

    @Inject
    StationConfig config;

    private volatile byte[] token;

    void loadOrCreate(@Observes @Priority(2) StartupEvent event) {
        token = loadOrCreate(Path.of(config.dataDir()).resolve(FILE_NAME)).getBytes(StandardCharsets.US_ASCII);
    }

    /** Whether {@code candidate} is the token, compared in constant time. */
    public boolean matches(String candidate) {
        return candidate != null
                && MessageDigest.isEqual(token, candidate.trim().getBytes(StandardCharsets.US_ASCII));
    }

    /** The token itself, for tests and the log line on first start. */
    public String value() {
        return new String(token, StandardCharsets.US_ASCII);
    }

    private static String loadOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.US_ASCII).trim();
            }
            Files.createDirectories(file.getParent());
            String created = newToken();
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
            Files.writeString(file, created + "\n", StandardCharsets.US_ASCII);
            LOG.infof("Created the station's access token; it is also in %s (readable only by this user): %s",
                    file.toAbsolutePath(), created);
            return created;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read or create the access token " + file, e);
        }
    }

    private static String newToken() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
