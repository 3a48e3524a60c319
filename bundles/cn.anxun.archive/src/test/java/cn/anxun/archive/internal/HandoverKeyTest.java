package cn.anxun.archive.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import cn.anxun.identity.InvalidInputException;

public class HandoverKeyTest {

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    @Test
    public void whatIsSealedToThePublicKeyOpensWithThePairKeptAcrossRestarts() throws Exception {
        Path keys = folder.getRoot().toPath().resolve("keys");
        HandoverKey made = new HandoverKey(keys, key -> { });
        String jwk = made.publicJwk();
        assertFalse(jwk, jwk.contains("\"d\""));
        assertTrue(jwk, jwk.contains("\"crv\":\"P-256\""));
        byte[] personal = "{\"name\":\"买买提·艾力\",\"idNumber\":\"11010519491231002X\"}".getBytes(StandardCharsets.UTF_8);
        String sealed = HandoverKey.seal(HandoverKey.receiver(jwk), personal, "application/json");
        assertEquals(5, sealed.split("\\.", -1).length);
        assertFalse(sealed.contains("11010519491231002X"));
        assertArrayEquals(personal, new HandoverKey(keys, key -> { }).open(sealed));
        assertEquals(jwk, new HandoverKey(keys, key -> { }).publicJwk());
    }

    @Test
    public void onlyAPublicP256KeyIsAReceiver() throws Exception {
        Path keys = folder.getRoot().toPath();
        new HandoverKey(keys, key -> { });
        String pair = Files.readString(keys.resolve("handover-receiver.jwk"));
        String rsa = "{\"kty\":\"RSA\",\"n\":\"AQAB\",\"e\":\"AQAB\"}";
        String unreadable = "{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"!!\",\"y\":\"\u200b\"}";
        String mistyped = "{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":1,\"y\":true}";
        for (String refused : new String[] {pair, rsa, unreadable, mistyped, "not a key", null}) {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> HandoverKey.receiver(refused));
            assertEquals("receiverKey", e.violations().get(0).field());
        }
    }
}
