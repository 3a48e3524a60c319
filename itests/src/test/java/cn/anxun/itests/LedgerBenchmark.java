package cn.anxun.itests;

import static org.junit.Assert.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.junit.Test;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;

import com.fasterxml.jackson.databind.JsonNode;

import cn.anxun.ledger.proof.Entry;

/**
 * What the ledger's bookkeeping costs on this machine: an entry appended as the ledger appends it (its leaf hash
 * taken of its canonical bytes, one insert, its share of the checkpoint that gives it its leaf and stores the
 * subtrees it completes) against a plain insert of the same row; then a tree of a million entries: taking them in,
 * inclusion and consistency proofs in it, re-verifying it whole, and a backup of the database that holds it,
 * restored into a platform of its own. Prints figures; asserts only that the calls succeed. Run with {@code mvn verify -pl itests -Dit.test=LedgerBenchmark -Dpostgresql.skip=true}.
 */
public class LedgerBenchmark extends AnxunTestSupport {

    @Configuration
    @Override
    public Option[] configuration() {
        List<Option> options = new ArrayList<>(List.of(super.configuration()));
        options.addAll(Distribution.locations());
        return options.toArray(new Option[0]);
    }

    private static final int SINGLE_ROWS = 5_000;
    private static final int TREE = 1_000_000;
    private static final int PROOFS = 200;
    private static final String INSERT = "INSERT INTO LEDGER_ENTRY (ID, KIND, LEARNERID, CLASSID, COURSEID, UNIT, "
            + "MEDIAFROMMS, MEDIATOMS, STARTEDAT, ENDEDAT, CREDITEDSECONDS, OPENEDBY, CLOSEDBY, SESSIONID, RECORDEDAT, "
            + "RECORDEDBY, LEAFHASH) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    @Test
    public void appendsProofsAndVerificationOfAMillionEntries() throws Exception {
        Identity identity = new Identity(http);
        Identity.Account operatorAccount = identity.staff("OPERATOR", null, null);
        Http operator = operatorAccount.http().patient(Duration.ofMinutes(5));
        Identity.cityInstalled(bundleContext, http, "guangzhou", "440100");
        String learner = identity.learner(Identity.registration(IdNumbers.next(), null)).id();
        try (Connection connection = database().getConnection()) {
            connection.setAutoCommit(true);
            long plain = insert(connection, learner, "bench-class", "bench-course", "plain-", 0, SINGLE_ROWS, false,
                    1);
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("DELETE FROM LEDGER_ENTRY");
            }
            long hashed = insert(connection, learner, "bench-class", "bench-course", "leaf-", 0, SINGLE_ROWS, true,
                    1);
            long sequencing = checkpoint(operator);
            System.out.printf("plain insert of the row, one per transaction: %6.0f µs a row (%d rows)%n",
                    plain / 1000.0 / SINGLE_ROWS, SINGLE_ROWS);
            System.out.printf("ledger append (leaf hash + insert + its share of the checkpoint that took %d entries "
                    + "in, %d ms): %6.0f µs a row = %.2f × a plain insert%n", SINGLE_ROWS, sequencing / 1_000_000,
                    (hashed + sequencing) / 1000.0 / SINGLE_ROWS, (double) (hashed + sequencing) / plain);

            connection.setAutoCommit(false);
            long bulk = insert(connection, learner, "bench-class", "bench-course", "leaf-", SINGLE_ROWS,
                    TREE - SINGLE_ROWS, true, 1000);
            System.out.printf("bulk insert of %d entries in batches of 1,000: %d s%n", TREE - SINGLE_ROWS,
                    bulk / 1_000_000_000);
        }
        long takenIn = 0;
        long size = 0;
        while (size < TREE) {
            takenIn += checkpoint(operator);
            size = operator.get("/api/v1/ledger/checkpoint").json().get("treeSize").asLong();
        }
        System.out.printf("checkpoints taking %d entries into the tree: %.0f entries/s%n", TREE - SINGLE_ROWS,
                (TREE - SINGLE_ROWS) / (takenIn / 1e9));

        long[] inclusion = new long[PROOFS];
        long[] consistency = new long[PROOFS];
        for (int i = 0; i < PROOFS; i++) {
            int leaf = (int) ((long) i * 4_999 % TREE);
            String id = idOf("leaf-", leaf);
            long start = System.nanoTime();
            Http.Reply proof = operator.get("/api/v1/ledger/entries/" + id + "/inclusion?treeSize=" + TREE);
            inclusion[i] = (System.nanoTime() - start) / 1000;
            assertEquals(proof.body(), 200, proof.status());
            start = System.nanoTime();
            Http.Reply extends_ = http.get("/api/v1/ledger/consistency?first=" + (leaf + 1) + "&second=" + TREE);
            consistency[i] = (System.nanoTime() - start) / 1000;
            assertEquals(extends_.body(), 200, extends_.status());
        }
        System.out.printf("inclusion proof in a tree of %d: median %d µs, p99 %d µs over HTTP (%d proofs)%n", TREE,
                median(inclusion), p99(inclusion), PROOFS);
        System.out.printf("consistency proof to a tree of %d: median %d µs, p99 %d µs over HTTP%n", TREE,
                median(consistency), p99(consistency));

        long start = System.nanoTime();
        Http.Reply verified = operator.post("/api/v1/ledger/self-check", "");
        long took = System.nanoTime() - start;
        assertEquals(verified.body(), 0, verified.json().get("mismatches").size());
        System.out.printf("self-check of %d entries: %d ms, %.0f entries/s%n", verified.json().get("entries")
                .asLong(), took / 1_000_000, verified.json().get("entries").asLong() / (took / 1e9));
        backupAndRestore(operator, operatorAccount.token());
    }

    /** A backup of the database that holds the tree, and its restore into a new platform, which then starts. */
    private static void backupAndRestore(Http operator, String token) throws Exception {
        long start = System.nanoTime();
        Http.Reply started = operator.post("/api/v1/backups", "");
        assertEquals(started.body(), 202, started.status());
        String id = started.json().get("id").asText();
        Eventually.await("the backup ends", Duration.ofMinutes(30), () -> !"RUNNING".equals(operator.get(
                "/api/v1/backups/" + id).json().get("state").asText()));
        long backupTook = System.nanoTime() - start;
        JsonNode backup = operator.get("/api/v1/backups/" + id).json();
        assertEquals(backup.toString(), "COMPLETE", backup.get("state").asText());
        System.out.printf("backup of a %s database holding %d ledger entries: %.1f s, %d MB%n", backup.get(
                "database").asText(), backup.get("checkpoint").get("treeSize").asLong(), backupTook / 1e9,
                backup.get("databaseBytes").asLong() >> 20);
        try (Distribution empty = new Distribution(Path.of(System.getProperty("anxun.distribution")), Path.of(
                System.getProperty("anxun.work")))) {
            start = System.nanoTime();
            Distribution.Restore restored = empty.restore(backup);
            long restoreTook = System.nanoTime() - start;
            assertEquals(restored.output(), 0, restored.status());
            start = System.nanoTime();
            empty.start();
            Http restoredHttp = new Http(empty.httpPort).patient(Duration.ofMinutes(10));
            Eventually.await("the restored platform is ready", Duration.ofMinutes(10), restoredHttp::ready);
            long readyTook = System.nanoTime() - start;
            start = System.nanoTime();
            Http.Reply verified = restoredHttp.as(token).post("/api/v1/ledger/self-check", "");
            long checkTook = System.nanoTime() - start;
            assertEquals(verified.body(), 0, verified.json().get("mismatches").size());
            System.out.printf("restore into an empty platform: %.1f s; its start until ready: %.1f s; its self-check "
                    + "of %d entries: %.1f s%n", restoreTook / 1e9, readyTook / 1e9, verified.json().get("entries")
                    .asLong(), checkTook / 1e9);
        }
    }

    /**
     * Inserts the learner's entries in a class's course, numbered from {@code first}, committing every {@code batch};
     * answers the nanoseconds.
     */
    static long insert(Connection connection, String learner, String classId, String courseId, String ids, int first,
            int count, boolean hash, int batch) throws Exception {
        byte[] placeholder = new byte[32];
        long start = System.nanoTime();
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (int i = first; i < first + count; i++) {
                Entry entry = new Entry(idOf(ids, i), Entry.Kind.SEGMENT, learner, classId, courseId, 1,
                        0L, 30_000L, Instant.ofEpochSecond(1_800_000_000L + i), Instant.ofEpochSecond(
                                1_800_000_030L + i), 30, "check-a", "check-b", "bench-session", null, null,
                        Instant.ofEpochSecond(1_800_000_030L + i), "system");
                insert.setString(1, entry.id());
                insert.setString(2, entry.kind().name());
                insert.setString(3, learner);
                insert.setString(4, entry.classId());
                insert.setString(5, entry.courseId());
                insert.setInt(6, entry.unit());
                insert.setLong(7, entry.mediaFromMs());
                insert.setLong(8, entry.mediaToMs());
                insert.setLong(9, entry.startedAt().toEpochMilli());
                insert.setLong(10, entry.endedAt().toEpochMilli());
                insert.setLong(11, entry.creditedSeconds());
                insert.setString(12, entry.openedBy());
                insert.setString(13, entry.closedBy());
                insert.setString(14, entry.sessionId());
                insert.setLong(15, entry.recordedAt().toEpochMilli());
                insert.setString(16, entry.recordedBy());
                insert.setString(17, HexFormat.of().formatHex(hash ? entry.leafHash() : placeholder));
                if (batch == 1) {
                    insert.executeUpdate();
                } else {
                    insert.addBatch();
                    if ((i - first + 1) % batch == 0) {
                        insert.executeBatch();
                        connection.commit();
                    }
                }
            }
            if (batch > 1) {
                insert.executeBatch();
                connection.commit();
            }
        }
        return System.nanoTime() - start;
    }

    /** Signs a checkpoint, taking up to 10,000 new entries in; answers the nanoseconds. */
    private static long checkpoint(Http operator) {
        long start = System.nanoTime();
        Http.Reply signed = operator.post("/api/v1/ledger/checkpoints", "");
        assertEquals(signed.body(), 200, signed.status());
        return System.nanoTime() - start;
    }

    private static String idOf(String kind, int n) {
        return UUID.nameUUIDFromBytes((kind + n).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static long median(long[] micros) {
        long[] sorted = micros.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static long p99(long[] micros) {
        long[] sorted = micros.clone();
        Arrays.sort(sorted);
        return sorted[(int) (sorted.length * 0.99)];
    }
}
