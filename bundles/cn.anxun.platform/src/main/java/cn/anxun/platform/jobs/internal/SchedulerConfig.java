package cn.anxun.platform.jobs.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** {@code etc/cn.anxun.scheduler.cfg}: how much background work runs at once. */
@ObjectClassDefinition(id = SchedulerConfig.PID, name = "Anxun scheduler")
public @interface SchedulerConfig {

    String PID = "cn.anxun.scheduler";

    @AttributeDefinition(description = "Background runs at the same time (media validations, purges); each may keep "
            + "a core busy")
    int workers() default 2;
}
