package cn.anxun.rest.internal;

import java.util.List;
import java.util.function.Supplier;

import cn.anxun.plugins.Convergence;
import cn.anxun.plugins.Plugins;
import cn.anxun.rest.internal.HealthResource.Check;
import cn.anxun.rest.internal.HealthResource.Status;

/**
 * This node has the plugins the operator decided for every node: a node that starts later, or missed a decision,
 * is not ready until it caught up, so that the load balancer sends it nothing it would answer otherwise.
 */
final class PluginsCheck implements ReadinessCheck {

    private final Supplier<Plugins> plugins;

    PluginsCheck(Supplier<Plugins> plugins) {
        this.plugins = plugins;
    }

    @Override
    public List<Check> run() {
        Plugins current = plugins.get();
        if (current == null) {
            return List.of(new Check("plugins", Status.DOWN, "the plugins' decided state is not there yet"));
        }
        Convergence convergence;
        try {
            convergence = current.convergence();
        } catch (IllegalStateException e) {
            // the database check says why, without the pool's words
            return List.of(new Check("plugins", Status.DOWN, "the plugins' decided state cannot be read now"));
        }
        return List.of(convergence.converged() ? new Check("plugins", Status.UP, "as decided for every node")
                : new Check("plugins", Status.DOWN, String.join("; ", convergence.differences())));
    }
}
