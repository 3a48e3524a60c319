package cn.anxun.itests;

import static org.junit.Assert.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A supervision platform's program: client credentials the platform administrator issued for a region, a token from
 * the token endpoint, and reads of the feed page by page.
 */
record FeedReader(String clientId, String secret, Http http) {

    /** What a read to the end gave: every item, and the position to read after next time. */
    record Read(List<JsonNode> items, String next) {
    }

    static FeedReader issued(Identity identity, Http http, String region) {
        Identity.NewStaff client = identity.newStaff(List.of("FEED_READER"), region, null);
        Http.Reply token = token(http, client.username(), client.oneTimePassword());
        assertEquals(token.body(), 200, token.status());
        return new FeedReader(client.username(), client.oneTimePassword(),
                http.as(token.json().get("access_token").asText()));
    }

    /** Asks the token endpoint with the credentials in HTTP Basic. */
    static Http.Reply token(Http http, String clientId, String secret) {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return http.exchange("POST", "/api/v1/auth/token", Map.of("Authorization", "Basic " + basic,
                "Content-Type", "application/x-www-form-urlencoded"),
                "grant_type=client_credentials".getBytes(StandardCharsets.US_ASCII));
    }

    /** Every item of the kind changed after the position, in pages of {@code limit}, while the feed says more. */
    Read read(String kind, String after, int limit) {
        List<JsonNode> items = new ArrayList<>();
        String position = after;
        boolean more = true;
        while (more) {
            Http.Reply page = http.get("/api/v1/feed/" + kind + "?limit=" + limit
                    + (position == null ? "" : "&after=" + position));
            assertEquals(page.body(), 200, page.status());
            page.json().get("items").forEach(items::add);
            position = page.json().get("next").asText();
            more = page.json().get("more").asBoolean();
        }
        return new Read(items, position);
    }
}
