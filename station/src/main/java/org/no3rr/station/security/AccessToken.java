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
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The station's two access tokens, one per {@link Role}: the operator's in {@code <data-dir>/access-token},
 * the viewer's in {@code <data-dir>/viewer-token}. Each is created on first start, readable only by the
 * user the station runs as, and logged once; read from its file afterwards. Each can be rotated on its
 * own ({@link #rotate}), which ends that role's sessions (see {@link SessionStore}).
 */
@ApplicationScoped
public class AccessToken {

    /** The operator's token file, the name it always had. */
    public static final String FILE_NAME = Role.OPERATOR.fileName();
    private static final Logger LOG = Logger.getLogger(AccessToken.class);
    /** 43 characters of base64url is 256 bits; anything much shorter in a file is a mistake, not a token. */
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_-]{32,200}");

    @Inject
    StationConfig config;

    private final SecureRandom random = new SecureRandom();
    private final Map<Role, byte[]> tokens = new EnumMap<>(Role.class);
    private final Map<Role, String> fingerprints = new EnumMap<>(Role.class);

    void loadOrCreate(@Observes @Priority(2) StartupEvent event) {
        for (Role role : Role.values()) {
            set(role, loadOrCreate(role, file(role)));
        }
    }

    /** The role whose token {@code candidate} is, compared in constant time; empty for anything else. */
    public Optional<Role> roleOf(String candidate) {
        if (candidate == null) {
            return Optional.empty();
        }
        byte[] offered = candidate.trim().getBytes(StandardCharsets.US_ASCII);
        Role match = null;
        for (Role role : Role.values()) {
            if (MessageDigest.isEqual(token(role), offered)) {
                match = role;
            }
        }
        return Optional.ofNullable(match);
    }

    /** Whether {@code candidate} is the operator's token. */
    public boolean matches(String candidate) {
        return roleOf(candidate).filter(Role.OPERATOR::equals).isPresent();
    }

    /** The operator's token itself, for tests and the clients on the Pi. */
    public String value() {
        return value(Role.OPERATOR);
    }

    public String value(Role role) {
        return new String(token(role), StandardCharsets.US_ASCII);
    }

    /**
     * A short, non-secret name of the role's current token (a prefix of its SHA-256): sessions keep
     * it, so a session made with a token that has since been replaced — by {@link #rotate} or by
     * editing the file while the station was stopped — is no longer valid.
     */
    public synchronized String fingerprint(Role role) {
        return fingerprints.get(role);
    }

    /** Replaces the role's token with a new random one, in its file first; returns the new token. */
    public synchronized String rotate(Role role) {
        String created = newToken();
        try {
            OwnerOnlyFiles.writeAtomically(file(role), created + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the new " + role.id() + " token to " + file(role), e);
        }
        set(role, created);
        LOG.infof("Rotated the %s token; the new one is in %s", role.id(), file(role).toAbsolutePath());
        return created;
    }

    public Path file(Role role) {
        return Path.of(config.dataDir()).resolve(role.fileName());
    }

    private synchronized byte[] token(Role role) {
        return tokens.get(role);
    }

    private synchronized void set(Role role, String token) {
        byte[] bytes = token.getBytes(StandardCharsets.US_ASCII);
        tokens.put(role, bytes);
        fingerprints.put(role, fingerprintOf(bytes));
    }

    private String loadOrCreate(Role role, Path file) {
        try {
            OwnerOnlyFiles.directory(file.getParent());
            if (Files.exists(file)) {
                if (OwnerOnlyFiles.restrict(file, OwnerOnlyFiles.FILE)) {
                    LOG.warnf("%s was readable by other users; it is now readable by this user only", file);
                }
                String token = Files.readString(file, StandardCharsets.US_ASCII).trim();
                if (!WELL_FORMED.matcher(token).matches()) {
                    throw new IllegalStateException(file + " does not hold a token (32 to 200 characters of A-Z, a-z, "
                            + "0-9, '-' and '_'); delete it and restart the station to create a new one");
                }
                return token;
            }
            String created = newToken();
            OwnerOnlyFiles.createFile(file);
            Files.writeString(file, created + "\n", StandardCharsets.US_ASCII);
            LOG.infof("Created the station's %s token; it is also in %s (readable only by this user): %s",
                    role.id(), file.toAbsolutePath(), created);
            return created;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read or create the " + role.id() + " token " + file, e);
        }
    }

    private String newToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String fingerprintOf(byte[] token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token), 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
