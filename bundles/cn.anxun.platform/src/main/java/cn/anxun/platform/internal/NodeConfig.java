package cn.anxun.platform.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** {@code etc/cn.anxun.node.cfg}: this node's name and keys, on a platform of one node or several. */
@ObjectClassDefinition(id = NodeConfig.PID, name = "Anxun node")
public @interface NodeConfig {

    String PID = "cn.anxun.node";

    @AttributeDefinition(description = "The node's name, unique among the platform's nodes; empty: karaf.name, "
            + "else the host's name and the process id")
    String name() default "";

    @AttributeDefinition(description = "The folder of the platform's keys; empty: data/keys")
    String keys() default "";

    @AttributeDefinition(description = "Whether a missing key is made at start: true for a platform of one node; false "
            + "for every node of several, whose keys are provisioned the same on each")
    boolean makeKeys() default true;
}
