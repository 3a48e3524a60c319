package cn.anxun.itests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A small HTTP client for the web API, with JSON bodies, optionally with a bearer token. */
public final class Http {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** An answer of the web API. */
    public record Reply(int status, String contentType, byte[] bytes, HttpHeaders headers) {

        public String body() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        public JsonNode json() {
            try {
                return JSON.readTree(bytes);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body(), e);
            }
        }

        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        public Optional<String> allow() {
            return header("Allow");
        }
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** The fields as an {@code application/x-www-form-urlencoded} body. */
    static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(),
                StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private final URI base;
    private final String token;
    private final Duration timeout;
    private final String forwardedFor;

    public Http(int port) {
        this(URI.create("http://localhost:" + port + "/"), null, TIMEOUT, null);
    }

    private Http(URI base, String token, Duration timeout, String forwardedFor) {
        this.base = base;
        this.token = token;
        this.timeout = timeout;
        this.forwardedFor = forwardedFor;
    }

    /** The same client, sending {@code Authorization: Bearer <token>}. */
    public Http as(String accessToken) {
        return new Http(base, accessToken, timeout, forwardedFor);
    }

    /** The same client, waiting longer for an answer. */
    public Http patient(Duration longer) {
        return new Http(base, token, longer, forwardedFor);
    }

    /** The same client, as if a reverse proxy forwarded its requests from {@code address}. */
    public Http from(String address) {
        return new Http(base, token, timeout, address);
    }

    /** The port the platform's web API listens on. */
    public int port() {
        return base.getPort();
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

    /** A request of any method with a body of any type. */
    public Reply raw(String method, String path, String contentType, HttpRequest.BodyPublisher body) {
        return send(request(path).header("Content-Type", contentType).method(method, body));
    }

    /** A request with headers of its own, e.g. {@code Range}, and a body, or none for a GET. */
    public Reply exchange(String method, String path, Map<String, String> headers, byte[] body) {
        HttpRequest.Builder request = request(path);
        headers.forEach(request::header);
        return send(request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** A JSON POST whose answer goes to a file as it arrives, for answers too large to hold; answers the status. */
    public int postInto(String path, String json, Path file) {
        try {
            return CLIENT.send(request(path).header("Content-Type", "application/json").POST(HttpRequest
                    .BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofFile(file)).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A request of any method with a JSON body, or none. */
    public Reply method(String method, String path, String json) {
        HttpRequest.Builder request = request(path);
        if (json == null) {
            return send(request.method(method, HttpRequest.BodyPublishers.noBody()));
        }
        return send(request.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path.startsWith("/") ? path.substring(1)
                : path)).timeout(timeout);
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    private static Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<byte[]> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
