package cn.anxun.plugins;

import java.util.List;
import java.util.function.Function;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The plugin contract, enforced on every path a bundle can take into the platform (a feature, a file in
 * {@code deploy/}, the console): a plugin imports from the platform only the SPI packages {@code cn.anxun.api.*},
 * in a version range that takes the exported version and ends before its next major version, and nothing internal.
 * A bundle that breaks it is never resolved, so none of its code runs.
 *
 * @since 1.2
 */
@ProviderType
public interface PluginAdmission {

    /**
     * The rules a bundle breaks, read from its manifest; empty for a bundle that keeps the contract and for the
     * platform's own core bundles.
     *
     * @param headers the bundle's manifest headers by name, null for a header it lacks
     */
    List<String> breaches(Function<String, String> headers);

    /** The bundles refused since this node started, oldest first. */
    List<Refusal> refusals();
}
