package cn.anxun.backup.internal;

import java.nio.file.Path;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

/**
 * Derby's online backup ({@code SYSCS_UTIL.SYSCS_BACKUP_DATABASE}): a copy of the database's folder, consistent as
 * of the end of the call, taken while transactions go on. The copy is a database Derby opens as it is.
 */
final class DerbyBackup implements DatabaseCopy {

    private final DataSource dataSource;

    DerbyBackup(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public String kind() {
        return "derby";
    }

    @Override
    public void copyInto(Path folder) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                CallableStatement backup = connection.prepareCall("CALL SYSCS_UTIL.SYSCS_BACKUP_DATABASE(?)")) {
            backup.setString(1, folder.toString());
            backup.execute();
        }
    }
}
