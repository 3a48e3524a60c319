package cn.anxun.archive.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.UUID;

import org.apache.cxf.rs.security.jose.jwa.ContentAlgorithm;
import org.apache.cxf.rs.security.jose.jwa.KeyAlgorithm;
import org.apache.cxf.rs.security.jose.jwe.JweUtils;
import org.apache.cxf.rs.security.jose.jwk.JsonWebKey;
import org.apache.cxf.rs.security.jose.jwk.JwkUtils;
import org.apache.cxf.rs.security.jose.jwk.KeyType;
import org.apache.cxf.rs.security.jose.jwk.PublicKeyUse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.anxun.identity.InvalidInputException;

/**
 * The key pair packages handed over to this platform are encrypted to: EC P-256, kept as a JWK in
 * {@code handover-receiver.jwk} (owner-only) in the node's key folder and made on first use. Personal data is sealed
 * to a receiver as a compact JWE (ECDH-ES+A256KW, A256GCM), which any JOSE library opens.
 */
final class HandoverKey {

    static final String CURVE = "P-256";
    private static final Logger LOG = LoggerFactory.getLogger(HandoverKey.class);
    private static final KeyAlgorithm KEY_ALGORITHM = KeyAlgorithm.ECDH_ES_A256KW;
    private static final ContentAlgorithm CONTENT_ALGORITHM = ContentAlgorithm.A256GCM;

    private final JsonWebKey pair;

    /** @param mayMake says whether a missing key may be made here, and throws if not */
    HandoverKey(Path folder, Consumer<Path> mayMake) {
        Path file = folder.resolve("handover-receiver.jwk");
        try {
            if (!Files.exists(file)) {
                mayMake.accept(file);
                KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
                generator.initialize(new ECGenParameterSpec("secp256r1"));
                KeyPair made = generator.generateKeyPair();
                JsonWebKey key = JwkUtils.fromECPrivateKey((ECPrivateKey) made.getPrivate(), CURVE,
                        UUID.randomUUID().toString());
                JsonWebKey publicKey = JwkUtils.fromECPublicKey((ECPublicKey) made.getPublic(), CURVE);
                key.setProperty("x", publicKey.getProperty("x"));
                key.setProperty("y", publicKey.getProperty("y"));
                Files.createDirectories(folder);
                Files.writeString(file, JwkUtils.jwkKeyToJson(key), StandardCharsets.UTF_8);
                if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                }
                LOG.info("Generated the key handover packages to this platform are encrypted to, in {}", folder);
            }
            pair = JwkUtils.readJwkKey(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the handover receiver key in " + folder, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("EC P-256 keys are part of every Java platform", e);
        }
    }

    /** The public half, as a JWK. */
    String publicJwk() {
        JsonWebKey publicKey = JwkUtils.fromECPublicKey(JwkUtils.toECPublicKey(pair), CURVE, pair.getKeyId());
        publicKey.setPublicKeyUse(PublicKeyUse.ENCRYPT);
        publicKey.setAlgorithm(KEY_ALGORITHM.getJwaName());
        return JwkUtils.jwkKeyToJson(publicKey);
    }

    /** Opens what was sealed to this platform's key. */
    byte[] open(String jwe) {
        return JweUtils.decrypt(JwkUtils.toECPrivateKey(pair), KEY_ALGORITHM, CONTENT_ALGORITHM, jwe);
    }

    /** A receiver's public key, read from its JWK. */
    static ECPublicKey receiver(String jwk) {
        try {
            JsonWebKey key = JwkUtils.readJwkKey(jwk);
            if (key.getKeyType() == KeyType.EC && CURVE.equals(key.getProperty("crv")) && key.getProperty("d") == null
                    && key.getProperty("x") instanceof String && key.getProperty("y") instanceof String) {
                return JwkUtils.toECPublicKey(key);
            }
        } catch (RuntimeException e) {
            // not a key that can be read: answered below
        }
        throw new InvalidInputException("receiverKey", "public-ec-key", "is the receiving platform's public key "
                + "as its GET /api/v1/handover/key answers it: an EC P-256 JWK without its private part");
    }

    /** The content sealed to the receiver, as a compact JWE. */
    static String seal(ECPublicKey receiver, byte[] content, String contentType) {
        return JweUtils.encrypt(receiver, KEY_ALGORITHM, CONTENT_ALGORITHM, content, contentType);
    }
}
