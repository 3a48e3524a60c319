package cn.anxun.rest.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Supplier;

import javax.sql.DataSource;

import cn.anxun.rest.internal.HealthResource.Check;
import cn.anxun.rest.internal.HealthResource.Status;

/** The platform's DataSource is registered and a connection from it answers within two seconds. */
final class DatabaseCheck implements ReadinessCheck {

    static final String NAME = "database";
    private static final int TIMEOUT_SECONDS = 2;

    private final Supplier<DataSource> dataSource;

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
            return List.of(connection.isValid(TIMEOUT_SECONDS)
                    ? new Check(NAME, Status.UP, connection.getMetaData().getDatabaseProductName())
                    : new Check(NAME, Status.DOWN, "the database did not answer within " + TIMEOUT_SECONDS + " s"));
        } catch (SQLException e) {
            return List.of(new Check(NAME, Status.DOWN, e.getMessage()));
        }
    }
}
