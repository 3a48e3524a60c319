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

    /**
     * A plugin that breaks the plugin contract ({@link PluginAdmission}) is refused before anything of it is
     * installed.
     *
     * @since 1.2
     */
    class Refused extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final List<String> breaches;

        public Refused(String feature, List<String> breaches) {
            super(feature + " breaks the plugin contract: " + String.join("; ", breaches));
            this.breaches = List.copyOf(breaches);
        }

        /** Each rule it breaks. */
        public List<String> breaches() {
            return breaches;
        }
    }

    /** Every plugin of the distribution, by feature name. */
    List<Plugin> list();

    /**
     * Installs the plugin on this node, then decides that it is installed on every node.
     *
     * @return the plugin as it is now on this node
     * @throws java.util.NoSuchElementException if the distribution has no plugin of that name
     * @throws Refused if one of its bundles breaks the plugin contract: nothing is installed nor decided
     * @throws IllegalStateException if Karaf could not install it: nothing is decided
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
