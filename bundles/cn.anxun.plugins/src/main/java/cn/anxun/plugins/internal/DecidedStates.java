package cn.anxun.plugins.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import cn.anxun.platform.persistence.DatabaseFailure;
import cn.anxun.plugins.Plugin.Desired;

/** The rows of {@code PLUGIN_DESIRED}: one per feature the operator decided for. */
final class DecidedStates {

    private final DataSource database;

    DecidedStates(DataSource database) {
        this.database = database;
    }

    Map<String, Desired> all() {
        Map<String, Desired> decided = new HashMap<>();
        try (Connection connection = database.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT FEATURE, STATE FROM PLUGIN_DESIRED");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                decided.put(rows.getString(1), Desired.valueOf(rows.getString(2)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The plugins' decided state cannot be read: " + e.getMessage(), e);
        }
        return decided;
    }

    /** Records a decision; the last one made stands. */
    void decide(String feature, Desired state, Instant at) {
        try (Connection connection = database.getConnection()) {
            // the first decision on a feature inserts its row; one made at the same moment elsewhere is updated
            if (update(connection, feature, state, at) == 0 && !insert(connection, feature, state, at)) {
                update(connection, feature, state, at);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The decision on " + feature + " cannot be recorded: " + e.getMessage(),
                    e);
        }
    }

    private static int update(Connection connection, String feature, Desired state, Instant at) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE PLUGIN_DESIRED SET STATE = ?, "
                + "CHANGED_AT = ? WHERE FEATURE = ?")) {
            update.setString(1, state.name());
            update.setLong(2, at.toEpochMilli());
            update.setString(3, feature);
            return update.executeUpdate();
        }
    }

    private static boolean insert(Connection connection, String feature, Desired state, Instant at)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO PLUGIN_DESIRED (FEATURE, STATE, "
                + "CHANGED_AT) VALUES (?, ?, ?)")) {
            insert.setString(1, feature);
            insert.setString(2, state.name());
            insert.setLong(3, at.toEpochMilli());
            insert.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (DatabaseFailure.isConflict(e)) {
                return false;
            }
            throw e;
        }
    }
}
