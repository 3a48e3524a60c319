package cn.anxun.institutions.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** {@code etc/cn.anxun.institutions.cfg}: limits of what institutions submit. */
@ObjectClassDefinition(id = InstitutionsConfig.PID, name = "Anxun institutions")
public @interface InstitutionsConfig {

    String PID = "cn.anxun.institutions";

    @AttributeDefinition(description = "Largest written intent (PDF) an institution may upload, in bytes; the web "
            + "API refuses any request body over 6 MiB")
    long letterMaxBytes() default 5 * 1024 * 1024;
}
