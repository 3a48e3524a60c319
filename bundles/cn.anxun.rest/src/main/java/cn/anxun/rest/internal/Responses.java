package cn.anxun.rest.internal;

import javax.ws.rs.core.CacheControl;
import javax.ws.rs.core.Response;

/** Answers that carry tokens, passwords or personal data. */
final class Responses {

    private static final CacheControl NO_STORE = CacheControl.valueOf("no-store");

    private Responses() {
    }

    /** The answer, marked so that no cache on the way keeps it. */
    static Response unstored(Response.ResponseBuilder response) {
        return response.cacheControl(NO_STORE).build();
    }
}
