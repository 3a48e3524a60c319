package cn.anxun.ledger.verifier;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.anxun.ledger.proof.Checkpoint;
import cn.anxun.ledger.proof.Entry;
import cn.anxun.ledger.proof.Proofs;
import cn.anxun.ledger.proof.StudyHours;
import cn.anxun.ledger.proof.TreeHash;
import cn.anxun.ledger.proof.VerifierKey;

/**
 * Checks a learner's ledger record, as {@code GET /api/v1/learners/{id}/ledger} exports it, against a signed
 * checkpoint and the ledger's verifier key, trusting neither the platform nor the record: every entry must be in
 * the tree the checkpoint signs, and the totals must be what the entries add up to.
 *
 * <pre>java -jar anxun-ledger-verifier.jar RECORD.json CHECKPOINT.txt KEY.txt</pre>
 *
 * Exit status 0 when all holds, 1 naming what does not, 2 when the files cannot be read.
 */
public final class Verifier {

    private Verifier() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out));
    }

    static int run(String[] args, PrintStream out) {
        if (args.length != 3) {
            out.println("usage: java -jar anxun-ledger-verifier.jar RECORD.json CHECKPOINT.txt KEY.txt");
            return 2;
        }
        JsonNode record;
        Checkpoint checkpoint;
        try {
            record = new ObjectMapper().readTree(Path.of(args[0]).toFile());
            VerifierKey key = VerifierKey.parse(Files.readString(Path.of(args[2]), StandardCharsets.UTF_8));
            checkpoint = Checkpoint.verified(Files.readString(Path.of(args[1]), StandardCharsets.UTF_8), key);
        } catch (IOException | IllegalArgumentException e) {
            out.println("cannot verify: " + e.getMessage());
            return 2;
        }
        out.println("checkpoint " + checkpoint.origin() + ": " + checkpoint.size() + " entries, root "
                + HexFormat.of().formatHex(checkpoint.root()) + ", signature valid");
        List<String> failures = new ArrayList<>();
        Map<String, Long> totals = new TreeMap<>();
        JsonNode entries = record.path("entries");
        for (int i = 0; i < entries.size(); i++) {
            String problem = check(entries.get(i), record.path("proofs").path(i), checkpoint, totals);
            if (problem != null) {
                failures.add(problem);
            }
        }
        for (JsonNode total : record.path("totals")) {
            String trainingClass = total.path("classId").asText();
            long claimed = total.path("creditedSeconds").asLong();
            long added = totals.getOrDefault(trainingClass, 0L);
            if (claimed != added || !StudyHours.of(added).equals(total.path("hours").asText())) {
                failures.add("class " + trainingClass + ": the record says " + claimed + " s ("
                        + total.path("hours").asText() + " 学时), its entries add up to " + added + " s ("
                        + StudyHours.of(added) + " 学时)");
            }
            totals.remove(trainingClass);
        }
        totals.forEach((trainingClass, added) -> failures.add("class " + trainingClass + ": " + added
                + " s in entries that the record's totals leave out"));
        failures.forEach(failure -> out.println("FAILED " + failure));
        out.println(entries.size() + " entries, " + failures.size() + " failures: " + (failures.isEmpty()
                ? "every entry is in the signed tree and the totals follow" : "the record does not verify"));
        return failures.isEmpty() ? 0 : 1;
    }

    /** Adds the entry's seconds to its class if it is proved; else says why not. */
    private static String check(JsonNode served, JsonNode proof, Checkpoint checkpoint, Map<String, Long> totals) {
        byte[] leaf = served.path("leaf").asText().getBytes(StandardCharsets.UTF_8);
        Entry entry;
        try {
            entry = Entry.parse(leaf);
        } catch (IllegalArgumentException e) {
            return "an entry's leaf is unreadable: " + e.getMessage();
        }
        totals.merge(entry.classId(), entry.creditedSeconds(), Long::sum);
        String name = "entry " + entry.id();
        if (proof.isMissingNode() || proof.isNull()) {
            return name + " has no inclusion proof: it was recorded after the checkpoint";
        }
        if (proof.path("treeSize").asLong() != checkpoint.size()) {
            return name + ": its proof is for a tree of " + proof.path("treeSize").asLong() + ", not of "
                    + checkpoint.size();
        }
        List<byte[]> path = new ArrayList<>();
        proof.path("path").forEach(hash -> path.add(HexFormat.of().parseHex(hash.asText())));
        long index = proof.path("leafIndex").asLong();
        if (!Proofs.included(index, checkpoint.size(), TreeHash.leaf(leaf), path, checkpoint.root())) {
            return name + " (leaf " + index + ") is not in the signed tree: it was changed after it was recorded";
        }
        return null;
    }
}
