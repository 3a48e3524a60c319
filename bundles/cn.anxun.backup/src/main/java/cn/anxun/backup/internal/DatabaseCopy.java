package cn.anxun.backup.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;

/** Copies the platform's database, online, into a folder: the way its kind of database offers. */
interface DatabaseCopy {

    /** {@code derby} or {@code postgresql}, as backups name it and {@code bin/anxun-restore} reads it. */
    String kind();

    /** Writes a consistent copy of the database into {@code folder}, which exists and is empty. */
    void copyInto(Path folder) throws IOException, SQLException, InterruptedException;
}
