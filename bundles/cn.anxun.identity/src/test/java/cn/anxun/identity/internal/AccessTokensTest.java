package cn.anxun.identity.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import cn.anxun.identity.AuthenticationRequiredException;

public class AccessTokensTest {

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private final Instant now = Instant.parse("2026-11-28T08:00:00Z");

    @Test
    public void aTokenCarriesAccountAndSessionUntilItExpires() {
        AccessTokens tokens = new AccessTokens(KeysTest.made(folder.getRoot().toPath()).tokenKeys());
        String token = tokens.issue("account-1", "session-1", now, now.plusSeconds(900));
        AccessTokens.Claims claims = tokens.verify(token, now.plusSeconds(899));
        assertEquals("account-1", claims.accountId());
        assertEquals("session-1", claims.sessionId());
        assertEquals("token-expired", reason(() -> tokens.verify(token, now.plusSeconds(900))));
    }

    @Test
    public void forgedAndMalformedTokensAreRefused() throws Exception {
        AccessTokens ours = new AccessTokens(KeysTest.made(folder.newFolder("a").toPath()).tokenKeys());
        AccessTokens theirs = new AccessTokens(KeysTest.made(folder.newFolder("b").toPath()).tokenKeys());
        String foreign = theirs.issue("account-1", "session-1", now, now.plusSeconds(900));
        assertEquals("invalid-token", reason(() -> ours.verify(foreign, now)));
        assertEquals("invalid-token", reason(() -> ours.verify("not a token", now)));

        String token = ours.issue("account-1", "session-1", now, now.plusSeconds(900));
        String[] parts = token.split("\\.");
        String none = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"kid\":\"1\"}".getBytes(StandardCharsets.UTF_8));
        assertEquals("alg none is not accepted", "invalid-token", reason(() -> ours.verify(none + "." + parts[1] + ".", now)));
        String otherSubject = Base64.getUrlEncoder().withoutPadding().encodeToString(new String(
                Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).replace("account-1", "account-2")
                .getBytes(StandardCharsets.UTF_8));
        assertEquals("invalid-token", reason(() -> ours.verify(parts[0] + "." + otherSubject + "." + parts[2], now)));
    }

    private static String reason(Runnable verification) {
        return assertThrows(AuthenticationRequiredException.class, verification::run).reason();
    }
}
