package cn.anxun.itests;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A real OpenID Connect provider for the sign-on tests: Keycloak, unpacked by the build from Maven Central, started
 * on free ports with an in-memory database and the test realm (src/test/resources/keycloak) imported, and driven
 * through its admin API as the province's identity team would.
 */
final class Keycloak implements AutoCloseable {

    static final String REALM = "guangdong";
    static final String CLIENT = "anxun";
    static final String CLIENT_SECRET = "anxun-client-secret";
    static final String OTHER_CLIENT = "other-app";
    static final String OTHER_SECRET = "other-app-secret";
    /** Every test user's password at the provider. */
    static final String PASSWORD = "Provider-Pass-2026";
    private static final String ADMIN = "admin";
    private static final String ADMIN_PASSWORD = "Keycloak-Admin-IT";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT_HTTP = HttpClient.newHttpClient();

    final int port = Ports.free();
    private final Process server;

    private Keycloak(Path home, String platform) throws IOException {
        Path imports = Files.createDirectories(home.resolve("data/import"));
        try (InputStream realm = Keycloak.class.getResourceAsStream("/keycloak/guangdong-realm.json")) {
            Files.writeString(imports.resolve("guangdong-realm.json"), new String(realm.readAllBytes(),
                    StandardCharsets.UTF_8).replace("${platform}", platform));
        }
        ProcessBuilder builder = new ProcessBuilder("bash", "bin/kc.sh", "start-dev", "--db=dev-mem",
                "--import-realm", "--http-host=127.0.0.1", "--http-port=" + port,
                "--http-management-port=" + Ports.free()).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("keycloak.log").toFile()));
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN);
        builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        server = builder.start();
    }

    /**
     * Starts Keycloak; {@link #awaitReady} waits for it, so that the platform can start meanwhile.
     *
     * @param platform the platform's address as browsers reach it, e.g. http://localhost:8181
     */
    static Keycloak start(String platform) throws IOException {
        return new Keycloak(Path.of(System.getProperty("anxun.keycloak")), platform);
    }

    void awaitReady() {
        Eventually.await("Keycloak serves the realm " + REALM, Duration.ofSeconds(240), () -> {
            if (!server.isAlive()) {
                throw new AssertionError("Keycloak ended: see its keycloak.log under target/keycloak");
            }
            try {
                return get(issuer() + "/.well-known/openid-configuration").statusCode() == 200;
            } catch (UncheckedIOException notYet) {
                return false;
            }
        });
    }

    String issuer() {
        return "http://127.0.0.1:" + port + "/realms/" + REALM;
    }

    /** Disables a user, as the identity team does when someone leaves. */
    void disable(String username) {
        JsonNode user = user(username);
        ((ObjectNode) user).put("enabled", false);
        admin("PUT", "/users/" + user.get("id").asText(), user.toString());
    }

    /** Ends every session of a user at the provider; it tells the clients by back-channel logout. */
    void signOut(String username) {
        admin("POST", "/users/" + user(username).get("id").asText() + "/logout", "");
    }

    /**
     * Rotates the realm's signing key: a new RSA key takes over signing, and the old one is disabled, so that the
     * provider neither signs with it nor publishes it any more.
     */
    void rotateSigningKey() {
        JsonNode old = null;
        for (JsonNode component : json(admin("GET", "/components?type=org.keycloak.keys.KeyProvider", null))) {
            if ("rsa-generated".equals(component.get("providerId").asText())) {
                old = component;
            }
        }
        admin("POST", "/components", "{\"name\":\"rsa-rotated\",\"providerId\":\"rsa-generated\","
                + "\"providerType\":\"org.keycloak.keys.KeyProvider\",\"parentId\":\"" + REALM + "\","
                + "\"config\":{\"priority\":[\"200\"],\"keySize\":[\"2048\"],\"active\":[\"true\"],"
                + "\"enabled\":[\"true\"],\"algorithm\":[\"RS256\"]}}");
        ((ObjectNode) old.get("config")).set("enabled",
                JSON.createArrayNode().add("false"));
        admin("PUT", "/components/" + old.get("id").asText(), old.toString());
    }

    /** The key ids the provider publishes now. */
    String keyIds() {
        return json(get(issuer() + "/protocol/openid-connect/certs").body()).findValuesAsText("kid")
                .toString();
    }

    /** Logs a user in to another client of the realm with its password grant: that client gets a session. */
    void loginToOtherClient(String username) {
        HttpResponse<String> answer = post(issuer() + "/protocol/openid-connect/token", Map.of("grant_type",
                "password", "client_id", OTHER_CLIENT, "client_secret", OTHER_SECRET, "username", username,
                "password", PASSWORD, "scope", "openid"));
        if (answer.statusCode() != 200) {
            throw new AssertionError("password grant for " + username + ": " + answer.body());
        }
    }

    private JsonNode user(String username) {
        JsonNode users = json(admin("GET", "/users?exact=true&username=" + username, null));
        if (users.size() != 1) {
            throw new AssertionError("no user " + username + " at the provider");
        }
        return users.get(0);
    }

    private String admin(String method, String path, String json) {
        HttpResponse<String> token = post("http://127.0.0.1:" + port + "/realms/master/protocol/openid-connect/token",
                Map.of("grant_type", "password", "client_id", "admin-cli", "username", ADMIN, "password",
                        ADMIN_PASSWORD));
        String bearer = json(token.body()).get("access_token").asText();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/admin/realms/"
                + REALM + path)).header("Authorization", "Bearer " + bearer).header("Content-Type",
                        "application/json").method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(json));
        HttpResponse<String> answer = send(request);
        if (answer.statusCode() >= 300) {
            throw new AssertionError(method + " " + path + " at the provider: " + answer.statusCode() + " "
                    + answer.body());
        }
        return answer.body();
    }

    private static HttpResponse<String> get(String uri) {
        return send(HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(10)));
    }

    private static HttpResponse<String> post(String uri, Map<String, String> form) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(Http.form(form)));
        return send(request);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return CLIENT_HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    /** Stops Keycloak's JVM, which kc.sh started as its child. */
    @Override
    public void close() {
        server.descendants().forEach(ProcessHandle::destroy);
        server.destroy();
    }
}
