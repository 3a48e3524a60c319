package cn.anxun.archive.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * {@code etc/cn.anxun.archive.cfg}: where certificates are verified, how often one address may verify, and how long
 * archives are kept.
 */
@ObjectClassDefinition(id = ArchiveConfig.PID, name = "Anxun archive")
public @interface ArchiveConfig {

    String PID = "cn.anxun.archive";

    @AttributeDefinition(description = "The platform's address as the public reaches it; certificates' QR codes "
            + "point below it")
    String publicUrl() default "http://localhost:8181";

    @AttributeDefinition(description = "Certificate numbers one client address may verify in a window")
    int lookupsPerAddress() default 60;

    @AttributeDefinition(description = "The window of those verifications, in minutes")
    int lookupWindowMinutes() default 10;

    @AttributeDefinition(description = "Years a principal leader's or safety manager's archive is kept after its "
            + "latest record; at least 3")
    int managerRetentionYears() default 3;

    @AttributeDefinition(description = "Years a special-operation worker's archive is kept after its latest record; "
            + "at least 6")
    int specialOperationRetentionYears() default 6;
}
