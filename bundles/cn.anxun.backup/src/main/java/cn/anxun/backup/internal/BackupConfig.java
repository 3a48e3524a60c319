package cn.anxun.backup.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** {@code etc/cn.anxun.backup.cfg}: where backups and their keys go, when they are taken and how many are kept. */
@ObjectClassDefinition(id = BackupConfig.PID, name = "Anxun backups")
public @interface BackupConfig {

    String PID = "cn.anxun.backup";

    @AttributeDefinition(description = "Folder of the backups; empty: backups/ in the container's data folder")
    String location() default "";

    @AttributeDefinition(description = "Folder of the keys' copies, apart from the backups; empty: backup-keys/ in "
            + "the container's data folder")
    String keysLocation() default "";

    @AttributeDefinition(description = "Time of day (China Standard Time) of the first scheduled backup, HH:mm")
    String at() default "02:30";

    @AttributeDefinition(description = "Hours between scheduled backups; 0: only on demand")
    int everyHours() default 24;

    @AttributeDefinition(description = "Complete backups kept; older ones are removed after each backup")
    int keep() default 7;

    @AttributeDefinition(description = "Hours after which a backup is stopped and counts as failed")
    int limitHours() default 6;

    @AttributeDefinition(description = "Folder of PostgreSQL's programs (pg_dump); empty: found on the PATH")
    String postgresqlPrograms() default "";
}
