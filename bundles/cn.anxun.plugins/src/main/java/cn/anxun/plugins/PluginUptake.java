package cn.anxun.plugins;

import org.osgi.annotation.versioning.ConsumerType;
import org.osgi.framework.Bundle;

/**
 * What takes up one kind of plugin on this node, such as the city registry its city modules. A node has converged
 * once every plugin bundle started as decided is also taken up: a started bundle's city is served a moment later.
 *
 * @since 1.1
 */
@ConsumerType
public interface PluginUptake {

    /** Whether this node serves what the started bundle provides; true for a bundle of a kind it does not take up. */
    boolean tookUp(Bundle bundle);
}
