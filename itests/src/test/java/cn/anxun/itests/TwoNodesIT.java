package cn.anxun.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Two nodes of the distribution on one PostgreSQL database behind HAProxy ({@link TwoNodes}): a plugin decided
 * through one is on both, and a learner studies on while one is killed. Run on PostgreSQL only (the suite's second
 * run).
 */
public class TwoNodesIT {

    private static final String ESCALATION = "support tickets past a deadline escalated";

    private static TwoNodes nodes;
    private static Distribution a;
    private static Distribution b;
    private static Http http;
    private static Identity identity;

    @BeforeClass
    public static void start() throws Exception {
        // a checkpoint every minute, so that the job's runs show which node took each
        nodes = TwoNodes.started(Path.of(System.getProperty("anxun.work"), "two-nodes"),
                Map.of("etc/cn.anxun.ledger.cfg", Map.of("checkpointMinutes", "1")));
        a = nodes.a;
        b = nodes.b;
        http = nodes.http;
        identity = new Identity(http);
    }

    @AfterClass
    public static void stop() {
        if (nodes != null) {
            nodes.close();
        }
    }

    /** A city module installed through one node is installed on the other within seconds, and removed the same way. */
    @Test
    public void aCityModuleInstalledThroughOneNodeIsInstalledOnBoth() {
        Identity.Account operator = identity.staff("OPERATOR", null, null);
        Http onA = new Http(a.httpPort).as(operator.token());
        Http onB = new Http(b.httpPort).as(operator.token());
        Http.Reply installed = onA.post("/api/v1/city-modules/440300/install", "");
        assertEquals(installed.body(), 200, installed.status());
        Duration took = Eventually.await("440300 installed on node-b", Duration.ofSeconds(30),
                () -> onB.get("/api/v1/cities").body().contains("\"440300\""));
        System.out.println("a city module installed through node-a was installed on node-b after "
                + took.toMillis() + " ms");
        JsonNode plugin = InstalledPlugins.of(onB, "anxun-city-shenzhen");
        assertEquals(plugin.toString(), "INSTALLED", plugin.get("desired").asText());
        assertTrue(plugin.toString(), plugin.get("installed").asBoolean());
        JsonNode ready = new Http(b.httpPort).get("/api/v1/health/ready").json();
        assertEquals("node-b", ready.get("node").asText());
        assertTrue(ready.toString(), ready.toString().contains("\"plugins\",\"status\":\"UP\""));

        Http.Reply removed = onB.post("/api/v1/city-modules/440300/uninstall", "");
        assertEquals(removed.body(), 200, removed.status());
        Eventually.await("440300 removed from node-a", Duration.ofSeconds(30),
                () -> !onA.get("/api/v1/cities").body().contains("\"440300\""));
        assertEquals("REMOVED", InstalledPlugins.of(onA, "anxun-city-shenzhen").get("desired").asText());
    }

    /**
     * A learner studies through the balancer while node-a is killed with SIGKILL and started again: the session goes
     * on through node-b, a city module installed meanwhile is on node-a once it is ready, every entry the ledger
     * acknowledged is there and verifies, and no repeating job ran on two nodes at once or twice within its period.
     */
    @Test
    public void aLearnerStudiesOnWhileANodeIsKilledAndEveryJobRanOnOneNodeAtATime() throws Exception {
        Identity.Account operator = identity.staff("OPERATOR", null, null);
        Http.Reply city = operator.http().post("/api/v1/city-modules/440100/install", "");
        assertEquals(city.body(), 200, city.status());
        for (Distribution node : List.of(a, b)) {
            Eventually.await("440100 on every node", Duration.ofSeconds(30),
                    () -> new Http(node.httpPort).get("/api/v1/cities").body().contains("\"440100\""));
        }
        Classroom classroom = Classroom.open(identity, "inst-nodes-1");
        Player player = Player.started(classroom.learner().http(), classroom, true);
        int checks = 0;
        for (; checks < 2; checks++) {
            player.studyAndCheck();
        }
        a.kill();
        Instant killed = Instant.now();
        for (; checks < 4; checks++) {
            player.studyAndCheck();
        }
        System.out.println("studied through node-b for " + Duration.between(killed, Instant.now()).toSeconds()
                + " s after node-a was killed");
        // decided while node-a is down: node-a is not ready again before it has it
        Http.Reply shantou = operator.http().post("/api/v1/city-modules/440500/install", "");
        assertEquals(shantou.body(), 200, shantou.status());
        a.start();
        Eventually.await("node-a ready again", Duration.ofSeconds(180), new Http(a.httpPort)::ready);
        assertTrue("node-a caught up before it was ready", new Http(a.httpPort).get("/api/v1/cities").body()
                .contains("\"440500\""));
        for (; checks < 6; checks++) {
            player.studyAndCheck();
        }

        Http learner = classroom.learner().http();
        String ledgerPath = "/api/v1/learners/" + classroom.learner().id() + "/ledger";
        Http.Reply signed = operator.http().post("/api/v1/ledger/checkpoints", "");
        assertEquals(signed.body(), 200, signed.status());
        byte[] record = learner.get(ledgerPath).bytes();
        JsonNode entries = learner.get(ledgerPath).json().get("entries");
        assertEquals("every face check passed credited one entry: " + entries, checks, entries.size());
        entries.forEach(entry -> assertTrue(entry.toString(), entry.get("entry").get("creditedSeconds").asLong() > 0));
        LedgerVerifier.Verification verified = LedgerVerifier.record(record, http, http.get("/api/v1/ledger/key")
                .body());
        assertEquals(verified.output(), 0, verified.status());
        for (Distribution node : List.of(a, b)) {
            JsonNode selfCheck = new Http(node.httpPort).as(operator.token()).patient(Duration.ofMinutes(2))
                    .post("/api/v1/ledger/self-check", "").json();
            assertEquals(selfCheck.toString(), 0, selfCheck.get("mismatches").size());
        }
        assertJobsRanOnOneNodeAtATime(operator);
    }

    /**
     * Of the runs every node recorded, no two of one job overlap and the checkpoints are at least their period
     * apart; node-b, started after node-a ran the support escalation, left its own first run of it to node-a.
     */
    private static void assertJobsRanOnOneNodeAtATime(Identity.Account operator) {
        JsonNode runs = operator.http().get("/api/v1/jobs").json().get("runs");
        Map<String, List<JsonNode>> byJob = new HashMap<>();
        runs.forEach(run -> byJob.computeIfAbsent(run.get("name").asText(), name -> new ArrayList<>()).add(0, run));
        byJob.forEach((job, inOrder) -> {
            for (int i = 1; i < inOrder.size(); i++) {
                Instant previousEnd = Instant.parse(inOrder.get(i - 1).get("ended").asText());
                Instant start = Instant.parse(inOrder.get(i).get("started").asText());
                assertTrue(job + " ran twice at once: " + inOrder, !start.isBefore(previousEnd));
            }
        });
        assertTrue("the checkpoint job ran: " + runs, byJob.containsKey("ledger checkpoint"));
        Map.of("ledger checkpoint", Duration.ofMinutes(1), ESCALATION, Duration.ofMinutes(5)).forEach((job, period) -> {
            List<JsonNode> inOrder = byJob.getOrDefault(job, List.of());
            for (int i = 1; i < inOrder.size(); i++) {
                Duration apart = Duration.between(Instant.parse(inOrder.get(i - 1).get("started").asText()),
                        Instant.parse(inOrder.get(i).get("started").asText()));
                assertTrue(job + " ran " + apart + " apart: " + inOrder, apart.compareTo(period) >= 0);
            }
        });
        JsonNode escalation = null;
        for (JsonNode job : new Http(b.httpPort).as(operator.token()).get("/api/v1/jobs").json().get("scheduled")) {
            if (job.get("name").asText().equals(ESCALATION)) {
                escalation = job;
            }
        }
        assertEquals(String.valueOf(escalation), "SKIPPED", escalation.at("/last/kind").asText());
        assertTrue(escalation.toString(), escalation.at("/last/detail").asText().contains("node-a"));
        System.out.println("job runs on the two nodes: " + runs.size() + ", by " + byJob.values().stream()
                .flatMap(List::stream).map(run -> run.get("node").asText()).distinct().toList()
                + "; node-b skipped: " + escalation.at("/last/detail").asText());
    }
}
