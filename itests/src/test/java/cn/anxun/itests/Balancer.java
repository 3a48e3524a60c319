package cn.anxun.itests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * HAProxy from Debian in front of the platform's nodes, as docs/deployment.md sets it up: round robin, each node
 * checked on its readiness every second, a request whose node refused the connection sent to another.
 */
final class Balancer implements AutoCloseable {

    private static final String PROGRAM = "/usr/sbin/haproxy";

    final int port = Ports.free();
    private final Process haproxy;

    private Balancer(Path folder, List<Integer> nodes) throws IOException {
        String servers = IntStream.range(0, nodes.size()).mapToObj(i -> "    server node-" + (char) ('a' + i)
                + " 127.0.0.1:" + nodes.get(i) + " check").collect(Collectors.joining("\n"));
        Path config = Files.writeString(Files.createDirectories(folder).resolve("haproxy.cfg"), String.join("\n",
                "global",
                "    maxconn 2000",
                "defaults",
                "    mode http",
                "    timeout connect 2s",
                "    timeout client 60s",
                "    timeout server 60s",
                // a node slow under load is not taken out for it: every node is as slow then
                "    timeout check 5s",
                "    retries 2",
                "    option redispatch",
                "frontend anxun",
                "    bind 127.0.0.1:" + port,
                "    option forwardfor",
                "    default_backend nodes",
                "backend nodes",
                "    balance roundrobin",
                "    option httpchk GET /api/v1/health/ready",
                "    http-check expect status 200",
                "    default-server inter 1s fall 2 rise 2",
                servers, ""));
        haproxy = new ProcessBuilder(PROGRAM, "-db", "-f", config.toString()).redirectErrorStream(true)
                .redirectOutput(folder.resolve("haproxy.log").toFile()).start();
    }

    /** Starts HAProxy in front of the nodes listening on these ports. */
    static Balancer of(Path folder, List<Integer> nodes) throws IOException {
        return new Balancer(folder, nodes);
    }

    @Override
    public void close() {
        haproxy.destroy();
    }
}
