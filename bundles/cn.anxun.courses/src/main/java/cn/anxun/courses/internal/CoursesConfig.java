package cn.anxun.courses.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** {@code etc/cn.anxun.courses.cfg}: the deployment's rules for courses. */
@ObjectClassDefinition(id = CoursesConfig.PID, name = "Anxun courses")
public @interface CoursesConfig {

    String PID = "cn.anxun.courses";

    @AttributeDefinition(description = "Percent of an initial programme's theory hours that may be studied online: "
            + "80 by 粤应急规〔2022〕3号 Art. 19; AQ 8011-2023 asks for at most 70")
    int initialOnlineShare() default 80;

    @AttributeDefinition(description = "Characters of a text unit read in a minute, from which its reading time is "
            + "reckoned")
    int readingCharactersPerMinute() default 400;

    @AttributeDefinition(description = "Seconds of reading time a picture of a text unit adds")
    int secondsPerPicture() default 20;
}
