package org.no3rr.station.security;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.no3rr.station.config.StationConfig;
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
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Browser sessions, so a phone logs in once with a token and then carries a cookie. Only a hash of
 * each session id is stored, so a copy of the database lets nobody in. Sessions survive a restart.
 *
 * <p>Every request checks its session here, on the HTTP event loop, so the check reads memory only;
 * the database is written when a session begins or ends and, for the time of last use, once a
 * minute ({@link #persistLastUse}). A session ends after {@code station.security.session-idle-timeout}
 * without use, after {@code station.security.session-lifetime} in any case, at logout, and when the
 * token of its role is rotated.
 */
@ApplicationScoped
public class SessionStore {

    /** More sessions than any lab has phones; beyond it the least recently used one ends. */
    static final int MAX_SESSIONS = 1000;

    @Inject
    DataSource dataSource;

    @Inject
    AccessToken tokens;

    @Inject
    StationConfig config;

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Map<String, Long> persistedLastUse = new ConcurrentHashMap<>();
    private LongSupplier clock = System::currentTimeMillis;

    void load(@Observes @Priority(3) StartupEvent event) {
        long now = clock.getAsLong();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT id_hash, role, token_fingerprint, created_ms, last_used_ms FROM session");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Session session = new Session(rs.getString(1), Role.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getLong(4), rs.getLong(5));
                sessions.put(session.idHash(), session);
                persistedLastUse.put(session.idHash(), session.lastUsedMs());
            }
        } catch (SQLException e) {
            throw new StorageException("could not read the sessions", e);
        }
        sessions.values().stream().filter(s -> !isCurrent(s, now)).map(Session::idHash).toList()
                .forEach(idHash -> delete(idHash, true));
    }

    /** Begins a session for the role and returns its id, to be sent once as a cookie. */
    public String create(Role role) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        long now = clock.getAsLong();
        Session session = new Session(hash(id), role, tokens.fingerprint(role), now, now);
        execute("INSERT INTO session (id_hash, role, token_fingerprint, created_ms, last_used_ms) VALUES (?,?,?,?,?)",
                session.idHash(), role.name(), session.tokenFingerprint(), now, now);
        sessions.put(session.idHash(), session);
        persistedLastUse.put(session.idHash(), now);
        if (sessions.size() > MAX_SESSIONS) {
            sessions.values().stream().min(Comparator.comparingLong(Session::lastUsedMs))
                    .ifPresent(oldest -> delete(oldest.idHash(), true));
        }
        return id;
    }

    /**
     * The role of a session that is still valid, marking it used now; empty for an unknown, expired,
     * logged-out or rotated-away session. Reads memory only: safe on the event loop.
     */
    public Optional<Role> use(String id) {
        Optional<Session> session = find(id);
        session.ifPresent(s -> sessions.computeIfPresent(s.idHash(), (key, old) -> old.usedAt(clock.getAsLong())));
        return session.map(Session::role);
    }

    /** When the session will end if it is not used again, in epoch ms; empty if it is not valid. */
    public Optional<Long> expiresAtMs(String id) {
        return find(id).map(s -> s.expiresAtMs(idleMillis(), lifetimeMillis()));
    }

    /** Ends one session (logout). */
    public void delete(String id) {
        if (id != null && !id.isEmpty() && id.length() <= 100) {
            delete(hash(id), true);
        }
    }

    /** Ends every session of the role; returns how many there were. */
    public int endAll(Role role) {
        List<String> ended = sessions.values().stream().filter(s -> s.role() == role).map(Session::idHash).toList();
        execute("DELETE FROM session WHERE role = ?", role.name());
        ended.forEach(this::forget);
        return ended.size();
    }

    /** Writes each session's latest use, and drops the ones that have ended, once a minute. */
    @Scheduled(every = "60s", delayed = "60s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void persistLastUse() {
        long now = clock.getAsLong();
        for (Session session : new ArrayList<>(sessions.values())) {
            if (!isCurrent(session, now)) {
                delete(session.idHash(), true);
            } else if (!Long.valueOf(session.lastUsedMs()).equals(persistedLastUse.get(session.idHash()))) {
                execute("UPDATE session SET last_used_ms = ? WHERE id_hash = ?", session.lastUsedMs(), session.idHash());
                persistedLastUse.put(session.idHash(), session.lastUsedMs());
            }
        }
    }

    /** For tests: the clock sessions are measured with. */
    void useClock(LongSupplier clock) {
        this.clock = clock;
    }

    private Optional<Session> find(String id) {
        if (id == null || id.isEmpty() || id.length() > 100) {
            return Optional.empty();
        }
        Session session = sessions.get(hash(id));
        return session != null && isCurrent(session, clock.getAsLong()) ? Optional.of(session) : Optional.empty();
    }

    private boolean isCurrent(Session session, long now) {
        return session.validAt(now, idleMillis(), lifetimeMillis())
                && session.tokenFingerprint().equals(tokens.fingerprint(session.role()));
    }

    private void delete(String idHash, boolean fromDatabase) {
        if (fromDatabase) {
            execute("DELETE FROM session WHERE id_hash = ?", idHash);
        }
        forget(idHash);
    }

    private void forget(String idHash) {
        sessions.remove(idHash);
        persistedLastUse.remove(idHash);
    }

    private long idleMillis() {
        return config.security().sessionIdleTimeout().toMillis();
    }

    private long lifetimeMillis() {
        return config.security().sessionLifetime().toMillis();
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
