package cn.anxun.ledger.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** {@code etc/cn.anxun.ledger.cfg}: the checkpoints' name and rhythm, and the self-check's. */
@ObjectClassDefinition(id = LedgerConfig.PID, name = "Anxun study-hour ledger")
public @interface LedgerConfig {

    String PID = "cn.anxun.ledger";

    @AttributeDefinition(description = "The origin line of every checkpoint and the name of its signing key: no "
            + "spaces, no '+'")
    String origin() default "anxun/ledger";

    @AttributeDefinition(description = "Minutes between checkpoints that take new entries into the tree")
    int checkpointMinutes() default 10;

    @AttributeDefinition(description = "Minutes between re-verifications of the whole tree")
    int selfCheckMinutes() default 60;
}
