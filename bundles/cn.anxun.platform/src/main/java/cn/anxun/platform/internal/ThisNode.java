package cn.anxun.platform.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.anxun.platform.node.Node;

/** This JVM's node, as etc/cn.anxun.node.cfg describes it. A change of its settings applies at the next start. */
@Component(service = Node.class, configurationPid = NodeConfig.PID)
@Designate(ocd = NodeConfig.class)
public class ThisNode implements Node {

    private static final Logger LOG = LoggerFactory.getLogger(ThisNode.class);
    /** Karaf's own default, which every unnamed node shares. */
    private static final String UNNAMED = "root";

    private final String name;
    private final Path keys;
    private final boolean makeKeys;

    @Activate
    public ThisNode(NodeConfig config) {
        this.name = config.name().isBlank() ? named() : config.name().strip();
        this.keys = config.keys().isBlank() ? Path.of(System.getProperty("karaf.data", "data"), "keys")
                : Path.of(config.keys().strip());
        this.makeKeys = config.makeKeys();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Path keys() {
        return keys;
    }

    @Override
    public void mayMake(Path key) {
        if (!makeKeys) {
            throw new IllegalStateException("The key " + key + " is missing, and node " + name + " makes no key "
                    + "(makeKeys = false in etc/" + NodeConfig.PID + ".cfg): copy the platform's keys into " + keys
                    + " as docs/deployment.md says.");
        }
        LOG.info("Making the key {}: back the folder up with the database (docs/operations.md)", key);
    }

    private static String named() {
        String given = System.getProperty("karaf.name", UNNAMED);
        if (!given.isBlank() && !given.equals(UNNAMED)) {
            return given;
        }
        try {
            return InetAddress.getLocalHost().getHostName() + "/" + ProcessHandle.current().pid();
        } catch (UnknownHostException e) {
            return "pid-" + ProcessHandle.current().pid();
        }
    }
}
