package cn.anxun.courses.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** {@code etc/cn.anxun.content.keywords.cfg}: the words the default content filter holds comments back for. */
@ObjectClassDefinition(id = KeywordsConfig.PID, name = "Anxun content filter: keywords")
public @interface KeywordsConfig {

    String PID = "cn.anxun.content.keywords";

    @AttributeDefinition(description = "Words or phrases, separated by commas; a comment that holds one, in any "
            + "width, case or spacing, is held back")
    String[] words() default {"代学", "代刷", "刷课", "刷学时", "代考", "挂机软件", "赌博", "色情"};
}
