package cn.anxun.platform.node;

import java.nio.file.Path;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The node of the platform this code runs on: several identical nodes may serve one database. Its settings are in
 * {@code etc/cn.anxun.node.cfg}.
 */
@ProviderType
public interface Node {

    /**
     * The node's name: {@code name} of its settings, else {@code karaf.name} from etc/system.properties when it was
     * given one, else the host's name and the process id.
     */
    String name();

    /** The folder of the platform's keys on this node (by default data/keys). */
    Path keys();

    /**
     * Says whether a key missing from {@link #keys()} may be made here. On a platform of several nodes the keys are
     * provisioned, the same on every node: a node that made its own would seal and sign with keys no other node has.
     *
     * @param key the file that is missing
     * @throws IllegalStateException naming the file and what to do, when this node makes no key
     */
    void mayMake(Path key);
}
