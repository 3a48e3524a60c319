package cn.anxun.itests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A small HTTP client for the web API, with JSON bodies. */
public final class Http {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** An answer of the web API. */
    public record Reply(int status, String contentType, String body, Optional<String> allow) {

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }

    private final URI base;

    public Http(int port) {
        this.base = URI.create("http://localhost:" + port + "/");
    }

    public Reply get(String path) {
        return send(request(path).GET());
    }

    public Reply get(String path, String accept) {
        return send(request(path).header("Accept", accept).GET());
    }

    public Reply post(String path, String json) {
        return send(path, "application/json", json);
    }

    /** A POST with a body of the given media type. */
    public Reply send(String path, String contentType, String body) {
        return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path.startsWith("/") ? path.substring(1) : path))
                .timeout(Duration.ofSeconds(5));
    }

    private static Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), response.headers().firstValue("Allow"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Whether the platform answers readiness with 200, without failing when it is not up yet. */
    public boolean ready() {
        try {
            return get("/api/v1/health/ready").status() == 200;
        } catch (RuntimeException notYet) {
            return false;
        }
    }
}
