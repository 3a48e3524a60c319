package cn.anxun.platform.jobs.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.anxun.platform.jobs.JobRun;
import cn.anxun.platform.jobs.Outcome;
import cn.anxun.platform.persistence.DatabaseFailure;

/**
 * The leases of repeating jobs in {@code JOB_LEASE}, so that of several nodes on one database one runs a job at a
 * time, and a run any node started less than a period ago counts for all. A lease runs out at the run's limit, so
 * that a node killed in a run holds nobody up longer; the node that held it may take it again at once after its
 * restart. Plain JDBC with a conditional update: the same on Derby and PostgreSQL, and no transaction is held
 * during the run.
 */
final class JobLeases {

    private static final Logger LOG = LoggerFactory.getLogger(JobLeases.class);
    /** How long runs are kept. */
    private static final Duration KEPT = Duration.ofDays(31);
    /**
     * How far apart the nodes' clocks may be: a run started later than that after now was started before this
     * node's clock was set back, and does not hold the job back until the clock reaches it again.
     */
    private static final Duration SKEW = Duration.ofMinutes(1);

    /** Why a node did not run a job this time. */
    static final class NotTaken extends Exception {

        private static final long serialVersionUID = 1L;

        NotTaken(String why) {
            super(why, null, false, false);
        }
    }

    private final Supplier<DataSource> dataSource;
    private final Supplier<String> node;
    private final Clock clock;

    JobLeases(Supplier<DataSource> dataSource, Supplier<String> node, Clock clock) {
        this.dataSource = dataSource;
        this.node = node;
        this.clock = clock;
    }

    /** Takes the job's lease for one run; answers when the run started. */
    Instant take(String job, Duration period, Duration limit) throws NotTaken {
        DataSource database = dataSource.get();
        if (database == null) {
            throw new NotTaken("the database is not there");
        }
        Instant now = clock.instant();
        try (Connection connection = database.getConnection()) {
            try (PreparedStatement update = connection.prepareStatement("UPDATE JOB_LEASE SET HOLDER = ?, "
                    + "STARTED_AT = ?, LEASED_UNTIL = ? WHERE NAME = ? AND (LEASED_UNTIL < ? OR HOLDER = ?) "
                    + "AND (STARTED_AT <= ? OR STARTED_AT > ?)")) {
                update.setString(1, node.get());
                update.setLong(2, now.toEpochMilli());
                update.setLong(3, now.plus(limit).toEpochMilli());
                update.setString(4, job);
                update.setLong(5, now.toEpochMilli());
                update.setString(6, node.get());
                update.setLong(7, now.minus(period).toEpochMilli());
                update.setLong(8, now.plus(SKEW).toEpochMilli());
                if (update.executeUpdate() == 1) {
                    return now;
                }
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO JOB_LEASE (NAME, HOLDER, "
                    + "STARTED_AT, LEASED_UNTIL) VALUES (?, ?, ?, ?)")) {
                insert.setString(1, job);
                insert.setString(2, node.get());
                insert.setLong(3, now.toEpochMilli());
                insert.setLong(4, now.plus(limit).toEpochMilli());
                insert.executeUpdate();
                return now; // the job's first run anywhere
            } catch (SQLException e) {
                if (!DatabaseFailure.isConflict(e)) {
                    throw e;
                }
            }
            throw new NotTaken(holder(connection, job));
        } catch (SQLException e) {
            throw new NotTaken("the lease could not be read: " + e.getMessage());
        }
    }

    private static String holder(Connection connection, String job) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT HOLDER, STARTED_AT, LEASED_UNTIL FROM "
                + "JOB_LEASE WHERE NAME = ?")) {
            select.setString(1, job);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? "node " + row.getString(1) + " started it at "
                        + Instant.ofEpochMilli(row.getLong(2)) + " (lease until " + Instant.ofEpochMilli(row.getLong(3))
                        + ")" : "another node took the lease at the same moment";
            }
        }
    }

    /** The runs recorded since, newest first; none without the database. */
    List<JobRun> runs(Instant since, int most) {
        DataSource database = dataSource.get();
        List<JobRun> runs = new ArrayList<>();
        if (database == null) {
            return runs;
        }
        try (Connection connection = database.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT NAME, NODE, STARTED_AT, ENDED_AT, "
                        + "OUTCOME, DETAIL FROM JOB_RUN WHERE STARTED_AT >= ? ORDER BY STARTED_AT DESC")) {
            select.setLong(1, since.toEpochMilli());
            select.setMaxRows(most);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    runs.add(new JobRun(rows.getString(1), rows.getString(2), Instant.ofEpochMilli(rows.getLong(3)),
                            Instant.ofEpochMilli(rows.getLong(4)), new Outcome(Outcome.Kind.valueOf(rows.getString(5)),
                                    rows.getString(6))));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The runs of the jobs cannot be read: " + e.getMessage(), e);
        }
        return runs;
    }

    /** Gives the lease back and records the run. */
    void release(String job, Instant started, Outcome outcome) {
        DataSource database = dataSource.get();
        if (database == null) {
            return; // the lease runs out at its limit
        }
        Instant now = clock.instant();
        try (Connection connection = database.getConnection();
                PreparedStatement release = connection.prepareStatement("UPDATE JOB_LEASE SET LEASED_UNTIL = ? "
                        + "WHERE NAME = ? AND HOLDER = ? AND STARTED_AT = ?");
                PreparedStatement run = connection.prepareStatement("INSERT INTO JOB_RUN (NAME, NODE, STARTED_AT, "
                        + "ENDED_AT, OUTCOME, DETAIL) VALUES (?, ?, ?, ?, ?, ?)");
                PreparedStatement forget = connection.prepareStatement("DELETE FROM JOB_RUN WHERE NAME = ? AND "
                        + "ENDED_AT < ?")) {
            release.setLong(1, now.toEpochMilli());
            release.setString(2, job);
            release.setString(3, node.get());
            release.setLong(4, started.toEpochMilli());
            release.executeUpdate();
            run.setString(1, job);
            run.setString(2, node.get());
            run.setLong(3, started.toEpochMilli());
            run.setLong(4, now.toEpochMilli());
            run.setString(5, outcome.kind().name());
            String detail = outcome.detail();
            run.setString(6, detail == null || detail.length() <= 300 ? detail : detail.substring(0, 300));
            run.executeUpdate();
            forget.setString(1, job);
            forget.setLong(2, now.minus(KEPT).toEpochMilli());
            forget.executeUpdate();
        } catch (SQLException e) {
            // the lease runs out at its limit; the run is not recorded
            LOG.warn("the end of run '{}' was not recorded: {}", job,
                    e.getMessage());
        }
    }
}
