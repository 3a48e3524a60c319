package cn.anxun.media.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** {@code etc/cn.anxun.media.cfg}: where media files are kept and how large they may be. */
@ObjectClassDefinition(id = MediaConfig.PID, name = "Anxun media")
public @interface MediaConfig {

    String PID = "cn.anxun.media";

    @AttributeDefinition(description = "Folder of the media files; empty: media/ in the container's data folder")
    String location() default "";

    @AttributeDefinition(description = "Largest file, in bytes (4 GiB by default)")
    long maxBytes() default 4L * 1024 * 1024 * 1024;

    @AttributeDefinition(description = "Largest chunk of an upload, in bytes")
    long chunkMaxBytes() default 16L * 1024 * 1024;

    @AttributeDefinition(description = "Hours after which an unfinished upload is discarded")
    int uploadExpiryHours() default 48;

    @AttributeDefinition(description = "Longest run of one validator over one file, in seconds; a run past it is "
            + "stopped and counts as an attempt")
    int validationSeconds() default 1800;

    @AttributeDefinition(description = "Starts of one validator over one file before the run is parked with its "
            + "reason; validating the file again starts afresh")
    int validationAttempts() default 3;
}
