package cn.anxun.ledger.verifier;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.anxun.ledger.proof.Checkpoint;
import cn.anxun.ledger.proof.SignedNote;
import cn.anxun.ledger.proof.VerifierKey;

/**
 * An unpacked handover package checked with the ledger's key: the signed statement names the payload manifest's
 * SHA-256, the manifest names each file's, and each learner's ledger record holds against the package's checkpoint.
 */
final class HandoverCheck {

    private static final String MANIFEST = "manifest-sha256.txt";
    private static final String SIGNATURE = "handover-signature.txt";

    private HandoverCheck() {
    }

    static int verify(Path bag, VerifierKey key, PrintStream out) throws IOException {
        String statement = SignedNote.verifiedText(Files.readString(bag.resolve(SIGNATURE), StandardCharsets.UTF_8),
                key);
        List<String> failures = new ArrayList<>();
        String manifestDigest = sha256(bag.resolve(MANIFEST));
        if (!statement.contains("\nmanifest-sha256 " + manifestDigest + "\n")) {
            failures.add(MANIFEST + ": not the manifest the signed statement names");
        }
        out.println("statement signed by " + key.name() + ": " + statement.strip().replace('\n', ';'));
        Set<String> listed = new TreeSet<>();
        for (String line : Files.readAllLines(bag.resolve(MANIFEST), StandardCharsets.UTF_8)) {
            int split = line.indexOf(' ');
            String file = line.substring(split).strip();
            listed.add(file);
            Path path = bag.resolve(file).normalize();
            if (!path.startsWith(bag) || !Files.isRegularFile(path)) {
                failures.add(file + ": listed in the manifest, missing from the package");
            } else if (!sha256(path).equals(line.substring(0, split))) {
                failures.add(file + ": changed since the package was signed");
            }
        }
        try (Stream<Path> files = Files.walk(bag.resolve("data"))) {
            files.filter(Files::isRegularFile).map(path -> bag.relativize(path).toString().replace('\\', '/'))
                    .filter(file -> !listed.contains(file))
                    .forEach(file -> failures.add(file + ": in the package, not in its manifest"));
        }
        int records = 0;
        Path checkpointFile = bag.resolve("data/ledger/checkpoint.txt");
        if (failures.isEmpty() && Files.exists(checkpointFile)) {
            Checkpoint checkpoint = Checkpoint.verified(Files.readString(checkpointFile, StandardCharsets.UTF_8), key);
            ObjectMapper json = new ObjectMapper();
            for (String file : listed) {
                if (file.startsWith("data/learners/") && file.endsWith("/ledger.json")) {
                    records++;
                    Verifier.record(json.readTree(bag.resolve(file).toFile()), checkpoint)
                            .forEach(failure -> failures.add(file + ": " + failure));
                }
            }
        }
        failures.forEach(failure -> out.println("FAILED " + failure));
        out.println(listed.size() + " files, " + records + " ledger records, " + failures.size() + " failures: "
                + (failures.isEmpty() ? "the package is as signed and every record holds against its checkpoint"
                    : "the package does not verify"));
        return failures.isEmpty() ? 0 : 1;
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
