package org.no3rr.station.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Saved protocols, in plain JDBC. */
@ApplicationScoped
public class SavedProtocolStore {

    @Inject
    DataSource dataSource;

    public SavedProtocol create(String name, String text, long nowMs) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "INSERT INTO saved_protocol (name, text, created_ms, updated_ms) VALUES (?,?,?,?)",
                     Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, name);
            ps.setString(2, text);
            ps.setLong(3, nowMs);
            ps.setLong(4, nowMs);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return new SavedProtocol(keys.getLong(1), name, text, nowMs, nowMs);
            }
        } catch (SQLException e) {
            throw new StorageException("could not save protocol '" + name + "'", e);
        }
    }

    /** Replaces name and text; false if there is no such protocol. */
    public boolean update(long id, String name, String text, long nowMs) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "UPDATE saved_protocol SET name = ?, text = ?, updated_ms = ? WHERE id = ?")) {
            ps.setString(1, name);
            ps.setString(2, text);
            ps.setLong(3, nowMs);
            ps.setLong(4, id);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new StorageException("could not update protocol " + id, e);
        }
    }

    public boolean delete(long id) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("DELETE FROM saved_protocol WHERE id = ?")) {
            ps.setLong(1, id);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new StorageException("could not delete protocol " + id, e);
        }
    }

    public Optional<SavedProtocol> find(long id) {
        return query("SELECT id, name, text, created_ms, updated_ms FROM saved_protocol WHERE id = ?", id)
                .stream().findFirst();
    }

    /** All saved protocols by name. */
    public List<SavedProtocol> list() {
        return query("SELECT id, name, text, created_ms, updated_ms FROM saved_protocol ORDER BY name, id");
    }

    private List<SavedProtocol> query(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            List<SavedProtocol> found = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(new SavedProtocol(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                            rs.getLong(5)));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new StorageException("could not read saved protocols", e);
        }
    }
}
