package cn.anxun.api.backup;

import java.nio.file.Path;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A folder of files that the database refers to and that are never changed once written, such as content-addressed
 * media: backups copy it beside the database, linking a file unchanged since the previous backup to that backup's
 * copy instead of copying it again. Registered as a service by the bundle that owns the folder.
 */
@ConsumerType
public interface BackedUpFiles {

    /** The name of its folder in a backup: {@code files/<name>/}. */
    String name();

    /** The folder now; a backup copies what it holds after the database has been copied. */
    Path folder();
}
