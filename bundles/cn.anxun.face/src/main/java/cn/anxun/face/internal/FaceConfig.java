package cn.anxun.face.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** {@code etc/cn.anxun.face.cfg}: which face provider decides, from which score, and how long captures are kept. */
@ObjectClassDefinition(id = FaceConfig.PID, name = "Anxun face checks")
public @interface FaceConfig {

    String PID = "cn.anxun.face";

    @AttributeDefinition(description = "id() of the face provider for the province")
    String provider() default "opencv";

    @AttributeDefinition(description = "Score from which that provider's answer is a match, on its own scale; "
            + "empty: the provider's default")
    String threshold() default "";

    @AttributeDefinition(description = "Cities with a provider of their own: <city code>=<provider id>[:<threshold>]")
    String[] cityProviders() default {};

    @AttributeDefinition(description = "id() of the provider that answers, with its default threshold, while the "
            + "configured one is not installed")
    String fallbackProvider() default "opencv";

    @AttributeDefinition(description = "Similarity of two templates, on the deciding provider's scale, from which a "
            + "capture is taken for a copy of the reference photo or of an earlier capture: a suspected replay")
    double replaySimilarity() default 0.985;

    @AttributeDefinition(description = "How many of the learner's latest captures a capture is compared with")
    int replayLookback() default 20;

    @AttributeDefinition(description = "Days a check's sealed capture is kept before it is deleted")
    int captureRetentionDays() default 90;
}
