package cn.anxun.ledger.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** {@code etc/cn.anxun.study.cfg}: the rules of a study session and the daily cap. */
@ObjectClassDefinition(id = StudyConfig.PID, name = "Anxun study sessions")
public @interface StudyConfig {

    String PID = "cn.anxun.study";

    @AttributeDefinition(description = "Seconds between the client's heartbeats; a longer gap earns at most twice this")
    int heartbeatSeconds() default 30;

    @AttributeDefinition(description = "Most minutes after a passed face check before the next is asked for")
    int faceCheckMaxMinutes() default 15;

    @AttributeDefinition(description = "Fewest minutes after a passed face check before the next is asked for")
    int faceCheckMinMinutes() default 2;

    @AttributeDefinition(description = "Seconds a capture has to pass once a face check is asked for")
    int faceCheckGraceSeconds() default 60;

    @AttributeDefinition(description = "Minutes without interaction, or with the page hidden, before the learner is "
            + "asked whether they are there")
    int idlePromptMinutes() default 5;

    @AttributeDefinition(description = "Seconds the learner has to answer that prompt before the session pauses")
    int idleAnswerSeconds() default 60;

    @AttributeDefinition(description = "Study hours (学时) a learner may be credited per calendar day in China; "
            + "decimals allowed")
    String dailyCapHours() default "8";

    @AttributeDefinition(description = "Seconds a media position may run ahead of the time elapsed and still count")
    int positionToleranceSeconds() default 5;
}
