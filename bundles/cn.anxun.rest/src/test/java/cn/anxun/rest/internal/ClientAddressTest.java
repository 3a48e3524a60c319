package cn.anxun.rest.internal;

import static org.junit.Assert.assertEquals;

import java.util.Set;

import org.junit.Test;

public class ClientAddressTest {

    private static final Set<String> PROXY = Set.of("10.0.0.2");

    @Test
    public void withoutATrustedProxyThePeerIsTheClientWhateverTheHeaderSays() {
        assertEquals("203.0.113.9", ClientAddress.of("203.0.113.9", "198.51.100.1", PROXY));
        assertEquals("203.0.113.9", ClientAddress.of("203.0.113.9", null, PROXY));
        assertEquals("10.0.0.2", ClientAddress.of("10.0.0.2", null, PROXY));
    }

    @Test
    public void behindATrustedProxyTheAddressItAppendedIsTheClient() {
        assertEquals("198.51.100.1", ClientAddress.of("10.0.0.2", "198.51.100.1", PROXY));
        // what the client wrote before the proxy appended its peer is not believed
        assertEquals("198.51.100.1", ClientAddress.of("10.0.0.2", "1.2.3.4, 198.51.100.1", PROXY));
        assertEquals("198.51.100.1", ClientAddress.of("10.0.0.2", "198.51.100.1, 10.0.0.2", PROXY));
        assertEquals("10.0.0.2", ClientAddress.of("10.0.0.2", " , ", PROXY));
    }
}
