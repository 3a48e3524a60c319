package cn.anxun.plugins;

import java.util.List;

/**
 * How far the node that answers is from the plugins the operator decided.
 *
 * @param node the node's name
 * @param differences each plugin whose state on this node is not the decided one, and why; empty once converged
 */
public record Convergence(String node, List<String> differences) {

    public Convergence {
        differences = List.copyOf(differences);
    }

    public boolean converged() {
        return differences.isEmpty();
    }
}
