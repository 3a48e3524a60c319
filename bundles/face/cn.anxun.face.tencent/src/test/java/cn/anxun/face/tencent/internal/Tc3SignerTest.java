package cn.anxun.face.tencent.internal;

import static org.junit.Assert.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.Test;

public class Tc3SignerTest {

    /** The worked example of Tencent Cloud's "Signature v3" page, with its example keys and its expected signature. */
    @Test
    public void signsTheDocumentedExampleAsDocumented() {
        Tc3Signer signer = new Tc3Signer("AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE", "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE",
                "cvm");
        String payload = "{\"Limit\": 1, \"Filters\": [{\"Values\": [\"\\u672a\\u547d\\u540d\"], \"Name\": "
                + "\"instance-name\"}]}";
        assertEquals("TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE/2019-02-25/cvm/tc3_request, "
                + "SignedHeaders=content-type;host, "
                + "Signature=72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168",
                signer.authorization("cvm.tencentcloudapi.com", "application/json; charset=utf-8",
                        payload.getBytes(StandardCharsets.UTF_8), Instant.ofEpochSecond(1551113065)));
    }
}
