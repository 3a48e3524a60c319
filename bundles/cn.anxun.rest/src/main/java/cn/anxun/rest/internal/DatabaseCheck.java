package cn.anxun.rest.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.anxun.rest.internal.HealthResource.Check;
import cn.anxun.rest.internal.HealthResource.Status;

/**
 * The platform's DataSource is registered and a connection from it answers within two seconds. Readiness is
 * answered to anyone, so a failure is told by its SQL state only; its message, which can name hosts, users and
 * paths, goes to the log, once each time it changes.
 */
final class DatabaseCheck implements ReadinessCheck {

    static final String NAME = "database";
    private static final int TIMEOUT_SECONDS = 2;
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseCheck.class);

    private final Supplier<DataSource> dataSource;
    private final AtomicReference<String> lastFailure = new AtomicReference<>();

    DatabaseCheck(Supplier<DataSource> dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public List<Check> run() {
        DataSource current = dataSource.get();
        if (current == null) {
            return List.of(new Check(NAME, Status.DOWN, "no DataSource named 'anxun' is registered; "
                    + "see etc/org.ops4j.datasource-anxun.cfg and the log"));
        }
        try (Connection connection = current.getConnection()) {
            boolean valid = connection.isValid(TIMEOUT_SECONDS);
            lastFailure.set(null);
            return List.of(valid ? new Check(NAME, Status.UP, connection.getMetaData().getDatabaseProductName())
                    : new Check(NAME, Status.DOWN, "the database did not answer within " + TIMEOUT_SECONDS + " s"));
        } catch (SQLException e) {
            if (!Objects.equals(lastFailure.getAndSet(e.getMessage()), e.getMessage())) {
                LOG.warn("Readiness: no connection to the database (SQL state {})", e.getSQLState(), e);
            }
            return List.of(new Check(NAME, Status.DOWN, "no connection to the database (SQL state "
                    + e.getSQLState() + "); the platform's log has the cause"));
        }
    }
}
