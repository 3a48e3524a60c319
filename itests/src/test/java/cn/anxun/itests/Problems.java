package cn.anxun.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;

/** Assertions on RFC 7807 answers. */
public final class Problems {

    private Problems() {
    }

    /** The reply is a problem+json of this status and kind, with a detail a user can act on and no stack trace. */
    public static JsonNode assertProblem(Http.Reply reply, int status, String slug) {
        assertEquals(reply.body(), status, reply.status());
        assertTrue(reply.contentType(), reply.contentType().startsWith("application/problem+json"));
        JsonNode problem = reply.json();
        assertEquals("urn:anxun:problem:" + slug, problem.path("type").asText());
        assertEquals(status, problem.path("status").asInt());
        assertFalse(reply.body(), problem.path("title").asText().isBlank());
        assertTrue(reply.body(), problem.path("detail").asText().length() > 20);
        assertFalse("a stack trace left the server: " + reply.body(),
                reply.body().contains("Exception") || reply.body().contains("\tat ") || reply.body().contains(".java:"));
        return problem;
    }
}
