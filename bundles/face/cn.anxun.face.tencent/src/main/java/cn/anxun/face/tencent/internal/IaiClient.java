package cn.anxun.face.tencent.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Calls actions of Tencent Cloud Face Recognition (API 3.0, version 2020-03-03): a signed JSON POST whose answer is
 * {@code {"Response": {...}}}, or {@code {"Response": {"Error": {"Code", "Message"}}}} for a refusal.
 */
final class IaiClient {

    static final String VERSION = "2020-03-03";
    private static final String CONTENT_TYPE = "application/json; charset=utf-8";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A call that did not answer: the service's error code, or one of ours for the transport. */
    static final class Failure extends Exception {

        private static final long serialVersionUID = 1L;

        private final String code;

        Failure(String code, String message) {
            super(code + ": " + message);
            this.code = code;
        }

        String code() {
            return code;
        }
    }

    private final URI endpoint;
    private final String host;
    private final String region;
    private final Tc3Signer signer;
    private final Duration timeout;
    private final HttpClient http;
    /** The signature carries the time of the request. */
    private final Clock clock;

    IaiClient(TencentConfig config, Clock clock) {
        this.clock = clock;
        endpoint = URI.create(config.endpoint());
        // the Host header names a port only if it is not the scheme's own, and the signature must match it
        int defaultPort = "https".equals(endpoint.getScheme()) ? 443 : 80;
        host = endpoint.getPort() == -1 || endpoint.getPort() == defaultPort ? endpoint.getHost()
                : endpoint.getHost() + ":" + endpoint.getPort();
        region = config.region();
        signer = new Tc3Signer(config.secretId(), config.secretKey(), "iai");
        timeout = Duration.ofMillis(config.requestTimeoutMillis());
        http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(config.connectTimeoutMillis())).build();
    }

    ObjectNode body() {
        return JSON.createObjectNode();
    }

    /** The {@code Response} of an action. */
    JsonNode call(String action, ObjectNode body) throws Failure {
        byte[] payload = body.toString().getBytes(StandardCharsets.UTF_8);
        Instant now = clock.instant();
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(timeout)
                .header("Content-Type", CONTENT_TYPE)
                .header("X-TC-Action", action)
                .header("X-TC-Version", VERSION)
                .header("X-TC-Timestamp", String.valueOf(now.getEpochSecond()))
                .header("Authorization", signer.authorization(host, CONTENT_TYPE, payload, now))
                .POST(HttpRequest.BodyPublishers.ofByteArray(payload));
        if (!region.isBlank()) {
            request.header("X-TC-Region", region);
        }
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new Failure("Transport", e.getClass().getSimpleName() + " " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure("Transport", "interrupted");
        }
        if (response.statusCode() != 200) {
            throw new Failure("HttpStatus", String.valueOf(response.statusCode()));
        }
        JsonNode answer;
        try {
            answer = JSON.readTree(response.body()).path("Response");
        } catch (IOException e) {
            throw new Failure("Unreadable", "the answer is not JSON");
        }
        if (answer.has("Error")) {
            throw new Failure(answer.at("/Error/Code").asText(), answer.at("/Error/Message").asText());
        }
        if (answer.isMissingNode()) {
            throw new Failure("Unreadable", "the answer has no Response");
        }
        return answer;
    }
}
