package cn.anxun.courses.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** {@code etc/cn.anxun.feedback.cfg}: when learners' ratings flag a course. */
@ObjectClassDefinition(id = FeedbackConfig.PID, name = "Anxun course feedback")
public @interface FeedbackConfig {

    String PID = "cn.anxun.feedback";

    @AttributeDefinition(description = "Mean score (1-5) under which a course is flagged to its institution and the "
            + "operator")
    double lowSatisfactionThreshold() default 3.0;

    @AttributeDefinition(description = "Ratings a course needs before it can be flagged")
    int minimumRatings() default 10;
}
