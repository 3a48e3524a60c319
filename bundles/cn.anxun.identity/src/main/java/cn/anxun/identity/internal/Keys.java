package cn.anxun.identity.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.anxun.identity.Sealing;
import cn.anxun.platform.node.Node;

/**
 * The platform's secrets, in {@code ${karaf.data}/keys} (back it up with the database: sealed data cannot be read
 * without it): the keys that seal personal
 * data (AES-256-GCM), the key of the look-up hash of ID numbers (HMAC-SHA256; never rotate it, or the look-ups
 * break) and the keys that sign access tokens (HMAC-SHA256).
 */
@Component(service = Keys.class)
public class Keys implements Sealing {

    private static final byte FORMAT = 1;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final KeySet personalData;
    private final KeySet lookup;
    private final KeySet tokens;
    private final SecureRandom random = new SecureRandom();

    @Activate
    public Keys(@Reference Node node) {
        this(node.keys(), node::mayMake);
    }

    /** @param mayMake says whether a missing key may be made here, and throws if not */
    Keys(Path folder, Consumer<Path> mayMake) {
        personalData = new KeySet(folder, "personal-data", "AES", mayMake);
        lookup = new KeySet(folder, "lookup", "HmacSHA256", mayMake);
        if (lookup.activeId() != 1) {
            throw new IllegalStateException("Only lookup-1.key may exist in " + folder + ": the look-up hash of every "
                    + "registered ID number depends on it, so it cannot rotate. Remove the other lookup-*.key files.");
        }
        tokens = new KeySet(folder, "token", "HmacSHA256", mayMake);
    }

    /**
     * Encrypts with the active key. The result carries the key id, so that it can be opened after a rotation.
     *
     * @param context what the data is and whose, e.g. {@code id-number:<account>}; binds the sealed bytes to their
     *        place so that they cannot be moved to another record
     */
    @Override
    public byte[] seal(byte[] plain, String context) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, personalData.active(), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(3 + IV_BYTES + sealed.length).put(FORMAT)
                    .putShort((short) personalData.activeId()).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** Decrypts what {@link #seal} produced for the same context; fails if a single bit was changed. */
    @Override
    public byte[] open(byte[] sealed, String context) {
        ByteBuffer buffer = ByteBuffer.wrap(sealed);
        if (buffer.get() != FORMAT) {
            throw new IllegalStateException("unknown format of sealed data");
        }
        int keyId = buffer.getShort();
        SecretKey key = personalData.get(keyId);
        if (key == null) {
            throw new IllegalStateException("personal-data key " + keyId + " is missing from the key folder");
        }
        byte[] iv = new byte[IV_BYTES];
        buffer.get(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(sealed, buffer.position(), buffer.remaining());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("sealed data failed its integrity check", e);
        }
    }

    /** The keyed hash an ID number is looked up by. */
    String lookupHash(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(lookup.active());
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    KeySet tokenKeys() {
        return tokens;
    }
}
