package cn.anxun.plugins;

import java.time.Instant;
import java.util.List;

/**
 * A plugin bundle the platform refused to resolve because it breaks the plugin contract; it stays installed and
 * inert until the operator removes it.
 *
 * @param bundle its symbolic name
 * @param version its version
 * @param location where it was installed from, such as a file in {@code deploy/}
 * @param breaches each rule of the contract it breaks, in words an operator can act on
 * @param at when it was refused
 * @since 1.2
 */
public record Refusal(String bundle, String version, String location, List<String> breaches, Instant at) {

    public Refusal {
        breaches = List.copyOf(breaches);
    }
}
