package cn.anxun.platform.jobs.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.Before;
import org.junit.Test;

import cn.anxun.platform.jobs.Outcome;
import liquibase.Liquibase;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;

/** Two nodes on one database (an in-memory Derby with the platform's tables) share a job's leases. */
public class JobLeasesTest {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static final Duration PERIOD = Duration.ofMinutes(10);
    private static final Duration LIMIT = Duration.ofMinutes(5);

    /** A clock the test moves. */
    private static final class Moved extends Clock {

        private Instant now = Instant.parse("2026-12-07T02:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final Moved clock = new Moved();
    private final EmbeddedDataSource database = new EmbeddedDataSource();
    private JobLeases a;
    private JobLeases b;

    @Before
    public void tables() throws Exception {
        // Derby's log goes with the build's output, not into the module's folder
        System.setProperty("derby.stream.error.file", "target/derby.log");
        database.setDatabaseName("memory:leases" + DATABASES.incrementAndGet());
        database.setCreateDatabase("create");
        try (Connection connection = database.getConnection()) {
            new Liquibase("db/changelog.xml", new ClassLoaderResourceAccessor(), new JdbcConnection(connection))
                    .update("");
        }
        a = new JobLeases(() -> database, () -> "node-a", clock);
        b = new JobLeases(() -> database, () -> "node-b", clock);
    }

    @Test
    public void oneNodeRunsAJobAndARunWithinThePeriodCountsForAll() throws Exception {
        Instant started = a.take("checkpoint", PERIOD, LIMIT);
        JobLeases.NotTaken running = assertThrows(JobLeases.NotTaken.class, () -> b.take("checkpoint", PERIOD, LIMIT));
        assertTrue(running.getMessage(), running.getMessage().contains("node-a"));
        clock.now = clock.now.plusSeconds(30);
        a.release("checkpoint", started, Outcome.DONE);

        clock.now = clock.now.plus(PERIOD).minusSeconds(60);
        assertThrows("a run started less than a period ago", JobLeases.NotTaken.class,
                () -> b.take("checkpoint", PERIOD, LIMIT));
        clock.now = clock.now.plusSeconds(60);
        b.release("checkpoint", b.take("checkpoint", PERIOD, LIMIT), Outcome.DONE);
        assertEquals("node-a DONE, node-b DONE", runs("checkpoint"));
    }

    @Test
    public void aLeaseOfANodeKilledInItsRunEndsAtTheRunsLimit() throws Exception {
        a.take("backup", Duration.ofSeconds(1), LIMIT);
        clock.now = clock.now.plus(LIMIT).minusSeconds(1);
        assertThrows(JobLeases.NotTaken.class, () -> b.take("backup", Duration.ofSeconds(1), LIMIT));
        clock.now = clock.now.plusSeconds(2);
        b.take("backup", Duration.ofSeconds(1), LIMIT);
    }

    @Test
    public void aClockSetBackHoldsNoJobBackButANodeKeepsOffAnothersLease() throws Exception {
        a.release("escalation", a.take("escalation", PERIOD, LIMIT), Outcome.DONE);
        clock.now = clock.now.minus(Duration.ofDays(60));
        assertThrows("node-b waits for node-a's lease however its clock stands", JobLeases.NotTaken.class,
                () -> b.take("escalation", PERIOD, LIMIT));
        a.release("escalation", a.take("escalation", PERIOD, LIMIT), Outcome.DONE);
        clock.now = clock.now.plusSeconds(30);
        assertThrows("a run started half a minute ago", JobLeases.NotTaken.class,
                () -> a.take("escalation", PERIOD, LIMIT));
        assertEquals("node-a DONE, node-a DONE", runs("escalation"));
    }

    @Test
    public void withoutTheDatabaseNoNodeRuns() {
        JobLeases.NotTaken refused = assertThrows(JobLeases.NotTaken.class, () -> new JobLeases(() -> null,
                () -> "node-a", clock).take("checkpoint", PERIOD, LIMIT));
        assertTrue(refused.getMessage(), refused.getMessage().contains("database"));
    }

    private String runs(String job) throws SQLException {
        StringBuilder runs = new StringBuilder();
        try (Connection connection = database.getConnection(); ResultSet rows = connection.createStatement()
                .executeQuery("SELECT NODE, OUTCOME FROM JOB_RUN WHERE NAME = '" + job + "' ORDER BY STARTED_AT")) {
            while (rows.next()) {
                runs.append(runs.length() == 0 ? "" : ", ").append(rows.getString(1)).append(' ')
                        .append(rows.getString(2));
            }
        }
        return runs.toString();
    }
}
