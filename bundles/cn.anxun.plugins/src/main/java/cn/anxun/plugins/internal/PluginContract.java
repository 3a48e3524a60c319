package cn.anxun.plugins.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import org.apache.felix.utils.manifest.Clause;
import org.apache.felix.utils.manifest.Parser;
import org.osgi.framework.Constants;
import org.osgi.framework.Version;
import org.osgi.framework.VersionRange;

/**
 * The rules of the plugin contract over a bundle's manifest, checked against the SPI versions of the platform that
 * runs. The contract guards against a plugin built for another platform or against its internals, not against
 * hostile code: a plugin runs in the platform's JVM.
 */
final class PluginContract {

    static final String SPI = "cn.anxun.api.";
    private static final String PLATFORM = "cn.anxun.";
    /** Marks the platform's own bundles, which may use each other's packages. */
    static final String CORE_HEADER = "Anxun-Core";

    /** Exported version by SPI package; empty when the SPI bundle is not installed yet. */
    private final Map<String, Version> spi;

    PluginContract(Map<String, Version> spi) {
        this.spi = Map.copyOf(spi);
    }

    /** Whether the bundle is a plugin: it uses the platform and is not one of its core bundles. */
    static boolean isPlugin(Function<String, String> headers) {
        return !"true".equalsIgnoreCase(headers.apply(CORE_HEADER))
                && Stream.of(Constants.IMPORT_PACKAGE, Constants.DYNAMICIMPORT_PACKAGE, Constants.REQUIRE_BUNDLE,
                        Constants.FRAGMENT_HOST, Constants.REQUIRE_CAPABILITY).map(headers)
                        .anyMatch(value -> value != null && value.contains(PLATFORM));
    }

    /** Each rule the bundle breaks; none for a bundle that is no plugin. */
    List<String> breaches(Function<String, String> headers) {
        List<String> breaches = new ArrayList<>();
        if (!isPlugin(headers)) {
            return breaches;
        }
        for (Clause clause : clauses(headers, Constants.IMPORT_PACKAGE)) {
            String name = clause.getName();
            if (!name.startsWith(PLATFORM)) {
                continue;
            }
            if (internal(name)) {
                breaches.add("it imports the internal package " + name);
            } else if (!name.startsWith(SPI)) {
                breaches.add("it imports " + name + ", a package of the platform's core and not of its SPI ("
                        + SPI + "*)");
            } else {
                String breach = rangeBreach(name, clause.getAttribute(Constants.VERSION_ATTRIBUTE));
                if (breach != null) {
                    breaches.add(breach);
                }
            }
        }
        for (Clause clause : clauses(headers, Constants.DYNAMICIMPORT_PACKAGE)) {
            String pattern = clause.getName();
            String prefix = pattern.endsWith("*") ? pattern.substring(0, pattern.length() - 1) : pattern;
            if (prefix.startsWith(PLATFORM) || pattern.endsWith("*") && PLATFORM.startsWith(prefix)) {
                breaches.add("it imports " + pattern + " dynamically, which reaches the platform's packages "
                        + "whatever their version");
            }
        }
        for (Clause clause : clauses(headers, Constants.REQUIRE_BUNDLE)) {
            if (clause.getName().startsWith(PLATFORM)) {
                breaches.add("it requires the bundle " + clause.getName() + ", which gives it every package of "
                        + "that bundle; import the SPI packages instead");
            }
        }
        for (Clause clause : clauses(headers, Constants.FRAGMENT_HOST)) {
            if (clause.getName().startsWith(PLATFORM)) {
                breaches.add("it is a fragment of " + clause.getName() + ", which gives it that bundle's internals");
            }
        }
        return breaches;
    }

    /** Why an SPI import's range does not fit this platform, or null if it does. */
    private String rangeBreach(String name, String declared) {
        Version exported = spi.get(name);
        if (exported == null && !spi.isEmpty()) {
            return "it imports " + name + ", which this platform's SPI does not have";
        }
        if (declared == null) {
            return "it imports " + name + " without a version range; it must end before the next major version, "
                    + "such as " + suggested(exported);
        }
        VersionRange range;
        try {
            range = new VersionRange(declared);
        } catch (IllegalArgumentException e) {
            return "it imports " + name + " with a malformed version range " + declared;
        }
        if (exported != null && !range.includes(exported)) {
            return "it imports " + name + " " + range + ", which does not take the version " + exported
                    + " this platform exports";
        }
        Version floor = exported != null ? exported : range.getLeft();
        Version nextMajor = new Version(floor.getMajor() + 1, 0, 0);
        if (range.getRight() == null || range.includes(nextMajor)) {
            return "it imports " + name + " " + range + ", which takes the next major version " + nextMajor
                    + " and its incompatible changes; use " + suggested(exported);
        }
        return null;
    }

    private static String suggested(Version exported) {
        return exported == null ? "[1.0,2)" : "[" + exported.getMajor() + "." + exported.getMinor() + ","
                + (exported.getMajor() + 1) + ")";
    }

    private static boolean internal(String name) {
        return name.endsWith(".internal") || name.contains(".internal.") || name.endsWith(".impl")
                || name.contains(".impl.");
    }

    private static Clause[] clauses(Function<String, String> headers, String header) {
        String value = headers.apply(header);
        return value == null ? new Clause[0] : Parser.parseHeader(value);
    }
}
