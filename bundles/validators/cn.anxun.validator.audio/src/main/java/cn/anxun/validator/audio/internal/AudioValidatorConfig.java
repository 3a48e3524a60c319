package cn.anxun.validator.audio.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** {@code etc/cn.anxun.validator.audio.cfg}: the limits of R-18 for sound as this validator measures them. */
@ObjectClassDefinition(id = AudioValidatorConfig.PID, name = "Anxun validator: sound")
public @interface AudioValidatorConfig {

    String PID = "cn.anxun.validator.audio";

    @AttributeDefinition(description = "Percent of samples at 90% of full scale or more above which the sound is "
            + "refused as clipped")
    double maxClippedPercent() default 2;

    @AttributeDefinition(description = "Percent of such samples above which the sound gets a warning")
    double recommendedClippedPercent() default 0.5;

    @AttributeDefinition(description = "Level (RMS, dBFS) of the sound where it is not silent, below which it is "
            + "refused as too weak")
    double minLevelDb() default -35;

    @AttributeDefinition(description = "Level below which the sound gets a warning")
    double recommendedLevelDb() default -30;

    @AttributeDefinition(description = "Seconds of silence from which a silence is pointed out")
    double longestSilenceSeconds() default 3;
}
