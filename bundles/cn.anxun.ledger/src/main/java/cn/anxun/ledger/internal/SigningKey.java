package cn.anxun.ledger.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.anxun.ledger.proof.VerifierKey;

/**
 * The Ed25519 key that signs checkpoints, with the platform's other keys in {@code ${karaf.data}/keys}:
 * {@code ledger-signing.key} (PKCS#8, owner-only) and {@code ledger-signing.pub} (X.509), made on first use. Every
 * node of a platform must hold the same pair.
 */
final class SigningKey {

    private static final Logger LOG = LoggerFactory.getLogger(SigningKey.class);

    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    /** @param mayMake says whether a missing key may be made here, and throws if not */
    SigningKey(Path folder, Consumer<Path> mayMake) {
        Path secret = folder.resolve("ledger-signing.key");
        Path known = folder.resolve("ledger-signing.pub");
        try {
            KeyFactory factory = KeyFactory.getInstance("Ed25519");
            if (!Files.exists(secret)) {
                mayMake.accept(secret);
                KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
                Files.createDirectories(folder);
                write(secret, pair.getPrivate().getEncoded(), true);
                write(known, pair.getPublic().getEncoded(), false);
                LOG.info("Generated the ledger's checkpoint signing key in {}", folder);
            }
            privateKey = factory.generatePrivate(new PKCS8EncodedKeySpec(read(secret)));
            publicKey = factory.generatePublic(new X509EncodedKeySpec(read(known)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the ledger's signing key in " + folder, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The ledger's signing key in " + folder + " is not an Ed25519 key", e);
        }
    }

    VerifierKey verifierKey(String name) {
        return VerifierKey.of(name, publicKey);
    }

    byte[] sign(byte[] text) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(privateKey);
            signer.update(text);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is not available", e);
        }
    }

    private static byte[] read(Path file) throws IOException {
        return Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
    }

    private static void write(Path file, byte[] key, boolean secret) throws IOException {
        Files.writeString(file, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
        if (secret && file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }
}
