package cn.anxun.rest.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.junit.Test;

import cn.anxun.identity.AuthenticationRequiredException;
import cn.anxun.identity.InvalidInputException;

public class ClientCredentialsTest {

    @Test
    public void theIdAndSecretAreReadFromBasicEachFormDecoded() {
        assertArrayEquals(new String[] {"feed-guangzhou", "a:b c"}, ClientCredentials.basic("Basic "
                + encoded("feed-guangzhou:a%3Ab+c")));
        assertArrayEquals(new String[] {"feed", ""}, ClientCredentials.basic("basic  " + encoded("feed:")));
        assertNull(ClientCredentials.basic(null));
        assertNull("another scheme is not client credentials", ClientCredentials.basic("Bearer abc"));
    }

    @Test
    public void anythingElseIsRefused() {
        for (String header : new String[] {"Basic " + encoded("no-colon"), "Basic !!!"}) {
            assertThrows(header, AuthenticationRequiredException.class, () -> ClientCredentials.basic(header));
        }
    }

    @Test
    public void theFormIsReadFieldByFieldAndAMalformedOneIsTheRequestsFault() {
        assertEquals(Map.of("grant_type", "client_credentials", "client_id", "feed", "scope", ""),
                ClientCredentials.form("grant_type=client_credentials&client_id=fe%65d&scope"));
        assertEquals(Map.of(), ClientCredentials.form(""));
        for (String body : new String[] {"grant_type=%zz", "a=1&a=2"}) {
            assertThrows(body, InvalidInputException.class, () -> ClientCredentials.form(body));
        }
    }

    private static String encoded(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
