package org.no3rr.station.lab.notify;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.no3rr.station.lab.LabEvent;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Which events were notified, kept in the station's database so that neither a repeated event nor a
 * restart (which raises a waiting run's prompt again) notifies twice. An event's key says what makes it
 * the same event: a prompt or an answer is the same at the same step and protocol line; a run ends and
 * faults once; anything else is also the same only at the same moment.
 */
@ApplicationScoped
public class SentNotifications {

    /** SQLState of a unique-key violation. */
    private static final String DUPLICATE_KEY = "23505";

    @Inject
    DataSource dataSource;

    static String key(String globalRunId, LabEvent e) {
        String base = globalRunId + "|" + e.type();
        return switch (e.type()) {
            case RUN_ENDED, FAULT -> base;
            case PROMPT, ANSWER -> base + "|" + e.stepNumber() + "|" + e.stepLine();
            default -> base + "|" + e.stepNumber() + "|" + e.stepLine() + "|" + e.epochMillis();
        };
    }

    /**
     * Records the event as notified.
     *
     * @return false when it already was
     * @throws SQLException when the database cannot say (the caller then notifies rather than stays silent)
     */
    boolean claim(String key, long runId, long nowMillis) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "INSERT INTO sent_notification (event_key, run_id, sent_ms) VALUES (?,?,?)")) {
            ps.setString(1, key);
            ps.setLong(2, runId);
            ps.setLong(3, nowMillis);
            ps.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (DUPLICATE_KEY.equals(e.getSQLState())) {
                return false;
            }
            throw e;
        }
    }
}
