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
 * Checks, trusting neither the platform nor what it handed over, with the ledger's verifier key:
 * <ul>
 * <li>a learner's ledger record, as {@code GET /api/v1/learners/{id}/ledger} exports it, against a signed
 * checkpoint: every entry must be in the tree the checkpoint signs, and the totals what the entries add up to;</li>
 * <li>a handover package, unpacked: its payload manifest signed by the key, every file as the manifest lists it and
 * none besides, and every learner's ledger record against the package's checkpoint.</li>
 * </ul>
 *
 * <pre>java -jar anxun-ledger-verifier.jar RECORD.json CHECKPOINT.txt KEY.txt
 *java -jar anxun-ledger-verifier.jar PACKAGE-FOLDER KEY.txt</pre>
 *
 * Exit status 0 when all holds, 1 naming what does not, 2 when the files cannot be read.
 */
public final class Verifier {

    private static final String USAGE = "usage: java -jar anxun-ledger-verifier.jar RECORD.json CHECKPOINT.txt "
            + "KEY.txt\n       java -jar anxun-ledger-verifier.jar PACKAGE-FOLDER KEY.txt";

    private Verifier() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out));
    }

    static int run(String[] args, PrintStream out) {
        try {
            if (args.length == 2 && Files.isDirectory(Path.of(args[0]))) {
                return HandoverCheck.verify(Path.of(args[0]), key(Path.of(args[1])), out);
            }
            if (args.length != 3) {
                out.println(USAGE);
                return 2;
            }
            JsonNode record = new ObjectMapper().readTree(Path.of(args[0]).toFile());
            Checkpoint checkpoint = Checkpoint.verified(Files.readString(Path.of(args[1]), StandardCharsets.UTF_8),
                    key(Path.of(args[2])));
            out.println("checkpoint " + checkpoint.origin() + ": " + checkpoint.size() + " entries, root "
                    + HexFormat.of().formatHex(checkpoint.root()) + ", signature valid");
            List<String> failures = record(record, checkpoint);
            failures.forEach(failure -> out.println("FAILED " + failure));
            out.println(record.path("entries").size() + " entries, " + failures.size() + " failures: "
                    + (failures.isEmpty() ? "every entry is in the signed tree and the totals follow"
                        : "the record does not verify"));
            return failures.isEmpty() ? 0 : 1;
        } catch (IOException | IllegalArgumentException e) {
            out.println("cannot verify: " + e.getMessage());
            return 2;
        }
    }

    static VerifierKey key(Path file) throws IOException {
        return VerifierKey.parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    /** What is wrong with the record against the checkpoint; nothing if it verifies. */
    static List<String> record(JsonNode record, Checkpoint checkpoint) {
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
        return failures;
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
