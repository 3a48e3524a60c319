package cn.anxun.exams.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** {@code etc/cn.anxun.exams.cfg}: face checks during tests and the bounds of a test. */
@ObjectClassDefinition(id = ExamsConfig.PID, name = "Anxun tests")
public @interface ExamsConfig {

    String PID = "cn.anxun.exams";

    @AttributeDefinition(description = "Fewest minutes after a passed face check before the next is asked for")
    int faceCheckMinMinutes() default 3;

    @AttributeDefinition(description = "Most minutes after a passed face check before the next is asked for")
    int faceCheckMaxMinutes() default 10;

    @AttributeDefinition(description = "Seconds a capture has to pass once a face check is asked for; a check not "
            + "passed in time voids the attempt")
    int faceCheckGraceSeconds() default 60;

    @AttributeDefinition(description = "The longest time limit a test may have, in minutes")
    int longestMinutes() default 180;
}
