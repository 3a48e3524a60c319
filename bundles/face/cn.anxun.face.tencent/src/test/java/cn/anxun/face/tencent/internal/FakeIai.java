package cn.anxun.face.tencent.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A local server that speaks Tencent Cloud API 3.0 as documented: it checks the TC3 signature over the raw body and
 * the 5-minute timestamp window, answers refusals with HTTP 200 and {@code Response.Error}, and answers each action
 * with what the test scripted, optionally after a delay.
 */
final class FakeIai implements AutoCloseable {

    static final String SECRET_ID = "AKIDfakeEXAMPLE";
    static final String SECRET_KEY = "fakeSecretKeyEXAMPLE";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final Map<String, String> answers = new ConcurrentHashMap<>();
    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    private volatile Duration delay = Duration.ZERO;

    FakeIai() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** What the action answers inside {@code Response}, e.g. {@code "Score": 92.5}. */
    void answer(String action, String responseFields) {
        answers.put(action, responseFields);
    }

    /** The action answers with an error. */
    void refuse(String action, String code) {
        answer(action, "\"Error\": {\"Code\": \"" + code + "\", \"Message\": \"as documented\"}");
    }

    void delay(Duration answerAfter) {
        delay = answerAfter;
    }

    List<JsonNode> requests() {
        return requests;
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String action = exchange.getRequestHeaders().getFirst("X-TC-Action");
        requests.add(JSON.readTree(body));
        long timestamp = Long.parseLong(exchange.getRequestHeaders().getFirst("X-TC-Timestamp"));
        String expected = new Tc3Signer(SECRET_ID, SECRET_KEY, "iai").authorization(
                exchange.getRequestHeaders().getFirst("Host"), exchange.getRequestHeaders().getFirst("Content-Type"),
                body, Instant.ofEpochSecond(timestamp));
        String fields;
        if (Math.abs(Instant.now().getEpochSecond() - timestamp) > 300) {
            fields = error("AuthFailure.SignatureExpire");
        } else if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            fields = error("AuthFailure.SignatureFailure");
        } else if (!IaiClient.VERSION.equals(exchange.getRequestHeaders().getFirst("X-TC-Version"))) {
            fields = error("InvalidParameter.VersionNotSupported");
        } else {
            fields = answers.getOrDefault(action, error("InvalidAction"));
        }
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        byte[] answer = ("{\"Response\": {" + fields + ", \"RequestId\": \"fake-1\"}}")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, answer.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer);
        }
    }

    private static String error(String code) {
        return "\"Error\": {\"Code\": \"" + code + "\", \"Message\": \"as documented\"}";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
