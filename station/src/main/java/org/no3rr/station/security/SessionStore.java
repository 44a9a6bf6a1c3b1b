package org.no3rr.station.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.no3rr.station.store.StorageException;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Browser sessions, so a phone logs in once with the token and then carries a cookie. Only a hash
 * of each session id is stored, so a copy of the database lets nobody in. Sessions survive a
 * station restart and expire after {@link #LIFETIME} without use.
 */
@ApplicationScoped
public class SessionStore {

    public static final Duration LIFETIME = Duration.ofDays(30);

    @Inject
    DataSource dataSource;

    private final SecureRandom random = new SecureRandom();

    /** Creates a session and returns its id, to be sent once as a cookie. */
    public String create() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        long now = System.currentTimeMillis();
        execute("INSERT INTO session (id_hash, created_ms, last_used_ms) VALUES (?,?,?)", hash(id), now, now);
        return id;
    }

    /** Whether the session exists and has been used within its lifetime; refreshes its last use. */
    public boolean isValid(String id) {
        if (id == null || id.isEmpty() || id.length() > 100) {
            return false;
        }
        long now = System.currentTimeMillis();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT last_used_ms FROM session WHERE id_hash = ?")) {
            ps.setString(1, hash(id));
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || rs.getLong(1) < now - LIFETIME.toMillis()) {
                    return false;
                }
            }
        } catch (SQLException e) {
            throw new StorageException("could not check a session", e);
        }
        execute("UPDATE session SET last_used_ms = ? WHERE id_hash = ?", now, hash(id));
        return true;
    }

    public void delete(String id) {
        if (id != null) {
            execute("DELETE FROM session WHERE id_hash = ?", hash(id));
        }
    }

    private void execute(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StorageException("could not update sessions", e);
        }
    }

    private static String hash(String id) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(id.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
