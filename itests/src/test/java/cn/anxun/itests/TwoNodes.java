package cn.anxun.itests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Two nodes of the distribution on one PostgreSQL database behind HAProxy, on this machine, set up as
 * docs/deployment.md says: the keys made by the first node and provisioned to the second, which makes none; media in
 * one folder both mount.
 */
final class TwoNodes implements AutoCloseable {

    final Distribution a;
    final Distribution b;
    final Balancer balancer;
    /** The platform through the balancer. */
    final Http http;

    private TwoNodes(Distribution a, Distribution b, Balancer balancer) {
        this.a = a;
        this.b = b;
        this.balancer = balancer;
        this.http = new Http(balancer.port);
    }

    /**
     * Starts node-a, then node-b, then the balancer, and waits until each is ready.
     *
     * @param settings more settings of both nodes, by file under etc/ and key
     */
    static TwoNodes started(Path work, Map<String, Map<String, String>> settings) throws Exception {
        Path shared = Files.createTempDirectory(Files.createDirectories(work), "shared-");
        Map<String, String> database = TestDatabase.newDataSource();
        Path archive = Path.of(System.getProperty("anxun.distribution"));
        Distribution a = new Distribution(archive, work, database);
        Distribution b = new Distribution(archive, work, database);
        configure(a, "node-a", shared, true, settings);
        configure(b, "node-b", shared, false, settings);
        a.start();
        Eventually.await("node-a ready", Duration.ofSeconds(180), new Http(a.httpPort)::ready);
        b.start();
        Eventually.await("node-b ready", Duration.ofSeconds(180), new Http(b.httpPort)::ready);
        TwoNodes nodes = new TwoNodes(a, b, Balancer.of(work.resolve("balancer-" + a.httpPort),
                List.of(a.httpPort, b.httpPort)));
        Eventually.await("the balancer answers", Duration.ofSeconds(30), nodes.http::ready);
        return nodes;
    }

    /** The node's name; the keys in the shared folder, made by the first node only; media in the shared folder. */
    private static void configure(Distribution node, String name, Path shared, boolean makeKeys,
            Map<String, Map<String, String>> settings) throws IOException {
        node.set("etc/cn.anxun.node.cfg", "name", name);
        node.set("etc/cn.anxun.node.cfg", "keys", shared.resolve("keys").toString());
        node.set("etc/cn.anxun.node.cfg", "makeKeys", String.valueOf(makeKeys));
        node.set("etc/cn.anxun.media.cfg", "location", shared.resolve("media").toString());
        node.set("etc/cn.anxun.identity.cfg", "initialAdminPasswordHash", Identity.ADMIN_PASSWORD_HASH);
        node.set("etc/cn.anxun.identity.cfg", "registrationsPerAddress", AnxunTestSupport.REGISTRATIONS_PER_ADDRESS);
        // shifted copies of one photo stand for the captures: not replays under test here
        node.set("etc/cn.anxun.face.cfg", "replaySimilarity", "0.999");
        for (Map.Entry<String, Map<String, String>> file : settings.entrySet()) {
            for (Map.Entry<String, String> setting : file.getValue().entrySet()) {
                node.set(file.getKey(), setting.getKey(), setting.getValue());
            }
        }
    }

    @Override
    public void close() {
        balancer.close();
        a.close();
        b.close();
    }
}
