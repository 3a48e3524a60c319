package cn.anxun.plugins;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The plugins of the distribution and what the operator decided for them. A decision is kept in the database as
 * the state of every node: the node that takes it installs or removes the feature at once, the others within
 * seconds, and a node that starts later catches up before it is ready.
 */
@ProviderType
public interface Plugins {

    /** A plugin installed only as part of another feature cannot be removed by itself. */
    class PartOfAnotherFeature extends RuntimeException {

        private static final long serialVersionUID = 1L;

        public PartOfAnotherFeature(String message) {
            super(message);
        }
    }

    /** Every plugin of the distribution, by feature name. */
    List<Plugin> list();

    /**
     * Decides that the plugin is installed on every node, and installs it on this one.
     *
     * @return the plugin as it is now on this node
     * @throws java.util.NoSuchElementException if the distribution has no plugin of that name
     */
    Plugin install(String feature);

    /**
     * Decides that the plugin is removed from every node, and removes it from this one; its records stay.
     *
     * @throws PartOfAnotherFeature if it is installed only as part of another feature
     */
    Plugin uninstall(String feature);

    /** How far this node is from the decided state: readiness reports it. */
    Convergence convergence();
}
