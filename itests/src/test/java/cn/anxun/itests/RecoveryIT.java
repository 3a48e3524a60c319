package cn.anxun.itests;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

import cn.anxun.ledger.proof.Proofs;

/**
 * The platform comes back from what takes it down, run as an operator runs it, with bin/ scripts:
 * <ul>
 * <li>a JVM killed with SIGKILL mid-study: the time every answered heartbeat reported is credited after
 * the restart when the next face check passes;</li>
 * <li>the loss of its data folder and database: a backup taken while a learner studies, restored with
 * {@code bin/anxun-restore} into the emptied platform, holds every ledger entry acknowledged before it, the
 * archive and the media, and the ledger extends the checkpoint signed before the backup.</li>
 * </ul>
 */
public class RecoveryIT {

    private static Distribution platform;
    private static Http http;
    private static Identity identity;
    private static Path backups;

    @BeforeClass
    public static void start() throws Exception {
        Path work = Path.of(System.getProperty("anxun.work"));
        platform = new Distribution(Path.of(System.getProperty("anxun.distribution")), work);
        platform.set("etc/cn.anxun.identity.cfg", "initialAdminPasswordHash", Identity.ADMIN_PASSWORD_HASH);
        platform.set("etc/cn.anxun.identity.cfg", "registrationsPerAddress",
                AnxunTestSupport.REGISTRATIONS_PER_ADDRESS);
        // shifted copies of one photo stand for the captures: not replays under test here
        platform.set("etc/cn.anxun.face.cfg", "replaySimilarity", "0.999");
        // backups and keys outside the data folder, as on disks of their own
        backups = Files.createTempDirectory(work, "backups-");
        platform.set("etc/cn.anxun.backup.cfg", "location", backups.resolve("database-and-media").toString());
        platform.set("etc/cn.anxun.backup.cfg", "keysLocation", backups.resolve("keys").toString());
        platform.set("etc/cn.anxun.backup.cfg", "everyHours", "0");
        if (TestDatabase.postgresql()) {
            platform.set("etc/cn.anxun.backup.cfg", "postgresqlPrograms", PostgresServer.programs());
        }
        http = new Http(platform.httpPort);
        platform.start();
        Eventually.await("ready", Duration.ofSeconds(150), http::ready);
        Files.copy(Path.of(System.getProperty("anxun.cityModule")), platform.deploy().resolve("guangzhou.jar"));
        Eventually.await("440100 installed", Duration.ofSeconds(30), () -> http.get("/api/v1/cities").body()
                .contains("440100"));
        identity = new Identity(http);
    }

    @AfterClass
    public static void stop() {
        platform.close();
    }

    @Test
    public void timeEarnedBeforeAKillNineIsCreditedAfterTheRestart() throws Exception {
        Classroom classroom = Classroom.open(identity, "inst-crash-1");
        Http learner = classroom.learner().http();
        Player player = Player.started(learner, classroom, false);
        JsonNode answer = player.beat();
        for (int i = 0; i < 3; i++) {
            Player.waitUntil(Instant.now().plus(Player.BEAT));
            answer = player.beat();
        }
        long earned = answer.get("pendingSeconds").asLong();
        assertTrue(answer.toString(), earned >= 5);

        platform.kill();
        platform.start();
        Eventually.await("ready after the kill", Duration.ofSeconds(150), http::ready);
        player.faceCheck();
        JsonNode record = learner.get("/api/v1/learners/" + classroom.learner().id() + "/ledger").json();
        assertEquals(record.toString(), 1, record.get("entries").size());
        assertEquals("every second an answered heartbeat reported", earned,
                record.get("entries").get(0).get("entry").get("creditedSeconds").asLong());
        System.out.println("earned before SIGKILL and credited after the restart: " + earned + " s");
    }

    @Test
    public void aBackupTakenWhileALearnerStudiesRestoresIntoAnEmptyPlatform() throws Exception {
        Classroom classroom = Classroom.open(identity, "inst-backup-1");
        Http learner = classroom.learner().http();
        Http operator = classroom.operator().http();
        String ledgerPath = "/api/v1/learners/" + classroom.learner().id() + "/ledger";
        String archivePath = "/api/v1/learners/" + classroom.learner().id() + "/archive";
        Player player = Player.started(learner, classroom, false);
        for (int credited = 0; credited < 2; credited++) {
            player.studyAndCheck();
        }
        Http.Reply signed = operator.post("/api/v1/ledger/checkpoints", "");
        assertEquals(signed.body(), 200, signed.status());
        JsonNode before = signed.json();
        String key = http.get("/api/v1/ledger/key").body();
        Map<String, Long> acknowledged = credited(learner.get(ledgerPath).json());
        JsonNode archive = learner.get(archivePath).json();
        Http.Reply media = classroom.admin().get("/api/v1/media/" + mediaOf(classroom) + "/content");
        assertEquals(200, media.status());

        Http.Reply started = operator.post("/api/v1/backups", "");
        assertEquals(started.body(), 202, started.status());
        String backup = started.json().get("id").asText();
        assertEquals(started.body(), "RUNNING", started.json().get("state").asText());
        assertEquals("one backup at a time", 409, operator.post("/api/v1/backups", "").status());
        player.studyAndCheck();
        Eventually.await("the backup ends", Duration.ofSeconds(120), () -> !"RUNNING".equals(operator.get(
                "/api/v1/backups/" + backup).json().get("state").asText()));
        JsonNode taken = operator.get("/api/v1/backups/" + backup).json();
        assertEquals(taken.toString(), "COMPLETE", taken.get("state").asText());
        assertEquals(taken.toString(), TestDatabase.postgresql() ? "postgresql" : "derby",
                taken.get("database").asText());
        assertTrue(taken.toString(), taken.get("checkpoint").get("treeSize").asLong() >= before.get("treeSize")
                .asLong());
        assertTrue("the course's video is in the backup: " + taken, taken.get("files").asLong() >= 1);
        System.out.println("backup while a learner studies: " + taken);

        platform.stop();
        lose();
        Distribution.Restore restored = platform.restore(taken);
        assertEquals(restored.output(), 0, restored.status());
        Distribution.Restore again = platform.restore(taken);
        assertEquals("a platform that is not empty is refused: " + again.output(), 1, again.status());
        assertTrue(again.output(), again.output().contains("not empty"));
        platform.start();
        Eventually.await("ready after the restore", Duration.ofSeconds(150), http::ready);

        Map<String, Long> after = credited(learner.get(ledgerPath).json());
        for (Map.Entry<String, Long> entry : acknowledged.entrySet()) {
            assertEquals("entry " + entry.getKey() + " acknowledged before the backup", entry.getValue(),
                    after.get(entry.getKey()));
        }
        assertConsistent(before, operator.post("/api/v1/ledger/checkpoints", "").json());
        assertVerifies(learner.get(ledgerPath).bytes(), key);
        JsonNode selfCheck = operator.post("/api/v1/ledger/self-check", "").json();
        assertEquals(selfCheck.toString(), 0, selfCheck.get("mismatches").size());
        assertTrue(selfCheck.toString(), selfCheck.get("entries").asLong() >= acknowledged.size());
        JsonNode archiveAfter = learner.get(archivePath).json();
        assertEquals(archive.get("learner"), archiveAfter.get("learner"));
        assertEquals(Archived.section(archive, "classes"), Archived.section(archiveAfter, "classes"));
        String ledgerSection = Archived.section(archiveAfter, "ledger").toString();
        acknowledged.keySet().forEach(id -> assertTrue("entry " + id + " in the archive", ledgerSection.contains(id)));
        Http.Reply mediaAfter = classroom.admin().get("/api/v1/media/" + mediaOf(classroom) + "/content");
        assertEquals(200, mediaAfter.status());
        assertArrayEquals("the video's bytes", media.bytes(), mediaAfter.bytes());
        System.out.println("restored: " + acknowledged.size() + " entries acknowledged before the backup, "
                + after.size() + " after the restore; the ledger extends the checkpoint of " + before.get("treeSize")
                + " entries signed before the backup");
    }

    /**
     * The platform's data gone: everything in its data folder but the framework's cache, which holds none (the
     * next start is then as quick as a restart), and on PostgreSQL the database: the platform is pointed at a new,
     * empty one.
     */
    private static void lose() throws IOException {
        try (var folders = Files.list(platform.home.resolve("data"))) {
            for (Path folder : folders.filter(path -> !path.getFileName().toString().equals("cache")).toList()) {
                delete(folder);
            }
        }
        for (Map.Entry<String, String> setting : TestDatabase.newDataSource().entrySet()) {
            platform.set(TestDatabase.DATASOURCE, setting.getKey(), setting.getValue());
        }
    }

    /** The checkpoint signed after the restore extends the one signed before the backup. */
    private static void assertConsistent(JsonNode first, JsonNode second) {
        long from = first.get("treeSize").asLong();
        long to = second.get("treeSize").asLong();
        JsonNode proof = http.get("/api/v1/ledger/consistency?first=" + from + "&second=" + to).json();
        List<byte[]> path = new ArrayList<>();
        proof.get("proof").forEach(node -> path.add(HexFormat.of().parseHex(node.asText())));
        assertTrue(proof.toString(), Proofs.consistent(from, to, HexFormat.of().parseHex(first.get("rootHash")
                .asText()), HexFormat.of().parseHex(second.get("rootHash").asText()), path));
    }

    /** The standalone verifier, with the key read before the backup, finds the record in the signed tree. */
    private static void assertVerifies(byte[] record, String key) throws Exception {
        LedgerVerifier.Verification verified = LedgerVerifier.record(record, http, key);
        assertEquals(verified.output(), 0, verified.status());
    }

    private static Map<String, Long> credited(JsonNode record) {
        Map<String, Long> entries = new HashMap<>();
        record.get("entries").forEach(entry -> entries.put(entry.get("entry").get("id").asText(), entry.get("entry")
                .get("creditedSeconds").asLong()));
        return entries;
    }

    private static String mediaOf(Classroom classroom) {
        return classroom.admin().get("/api/v1/courses/" + classroom.course()).json().get("units").get(0)
                .get("media").asText();
    }

    private static void delete(Path folder) throws IOException {
        try (var paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
