package cn.anxun.itests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A staff member's browser, reduced to what sign-on needs: it follows the platform's and the provider's redirects,
 * fills in the provider's login form and keeps both sites' cookies, so that the platform sees the whole flow.
 */
final class SignOnClient {

    /** The provider's login form; its action carries the provider's session of this sign-on. */
    private static final Pattern FORM = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");

    private final URI platform;
    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new LoopbackCookies())
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * Cookies as a browser keeps them for this machine: browsers hold http://localhost a secure context and send it
     * its {@code Secure} cookies (the provider's are), which Java's cookie manager sends over HTTPS only.
     */
    private static final class LoopbackCookies extends CookieHandler {

        private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> headers) {
            // one Cookie header of name=value pairs, as browsers send them (RFC 6265, section 5.4), not the
            // RFC 2965 form Java's cookie manager writes
            String sent = cookies.getCookieStore().get(uri).stream().filter(cookie -> cookie.getPath() == null
                    || uri.getPath().startsWith(cookie.getPath())).map(cookie -> cookie.getName() + "="
                            + cookie.getValue()).collect(Collectors.joining("; "));
            return sent.isEmpty() ? Map.of() : Map.of("Cookie", List.of(sent));
        }

        @Override
        public void put(URI uri, Map<String, List<String>> headers) throws IOException {
            Map<String, List<String>> unsecured = new HashMap<>(headers);
            unsecured.computeIfPresent("set-cookie", (name, values) -> values.stream()
                    .map(value -> value.replaceAll("(?i);\\s*Secure", "")).toList());
            unsecured.computeIfPresent("Set-Cookie", (name, values) -> values.stream()
                    .map(value -> value.replaceAll("(?i);\\s*Secure", "")).toList());
            cookies.put(uri, unsecured);
        }
    }

    SignOnClient(int platformPort) {
        this.platform = URI.create("http://localhost:" + platformPort);
    }

    /**
     * Where the platform sent the browser back to (its path and fragment), or what the provider's page showed
     * instead of sending it back, e.g. its message for a disabled user.
     */
    record Outcome(String landedOn, String providerPage) {

        /** Whether the platform took the browser to its pages logged in. */
        boolean signedOn() {
            return "/#/".equals(landedOn);
        }

        @Override
        public String toString() {
            return landedOn != null ? "landed on " + landedOn : "stayed at the provider: " + providerPage.replaceAll(
                    "(?s).*<title>(.*?)</title>.*?(<span[^>]*kc-feedback-text[^>]*>(.*?)</span>)?.*", "$1 $3");
        }
    }

    /** Begins at the platform's sign-on, logs in at the provider's page, and follows the browser back. */
    Outcome signOn(String username, String password) {
        HttpResponse<String> start = get(platform.resolve("/api/v1/auth/signon/start"));
        expect(303, start);
        HttpResponse<String> page = get(location(start));
        if (page.statusCode() == 302) {
            return back(page); // the provider's own session signed the person on at once
        }
        expect(200, page);
        Matcher form = FORM.matcher(page.body());
        if (!form.find()) {
            throw new AssertionError("no login form at the provider: " + page.body());
        }
        HttpResponse<String> submitted = post(URI.create(form.group(1).replace("&amp;", "&")), Map.of("username",
                username, "password", password, "credentialId", ""));
        if (submitted.statusCode() != 302) {
            return new Outcome(null, submitted.body());
        }
        return back(submitted);
    }

    /** Whether the provider remembers the person: its page sends the browser straight back, without its form. */
    boolean signOnAtOnce() {
        HttpResponse<String> start = get(platform.resolve("/api/v1/auth/signon/start"));
        expect(303, start);
        return get(location(start)).statusCode() == 302;
    }

    private Outcome back(HttpResponse<String> fromProvider) {
        HttpResponse<String> callback = get(location(fromProvider));
        expect(303, callback);
        URI landed = location(callback);
        return new Outcome(landed.getRawPath() + (landed.getRawFragment() == null ? "" : "#"
                + landed.getRawFragment()), null);
    }

    /** A request of the pages with the login's cookies, as their scripts send it. */
    Http.Reply api(String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(platform.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("X-Requested-With", "fetch").header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        HttpResponse<byte[]> answer = send(request, HttpResponse.BodyHandlers.ofByteArray());
        return new Http.Reply(answer.statusCode(), answer.headers().firstValue("Content-Type").orElse(""),
                answer.body(), answer.headers());
    }

    /** Follows a redirect the platform answered, e.g. to the provider's end-session page, one step. */
    HttpResponse<String> follow(String uri) {
        return get(URI.create(uri));
    }

    private HttpResponse<String> get(URI uri) {
        return send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(URI uri, Map<String, String> form) {
        return send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).header("Content-Type",
                "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(Http.form(form))),
                HttpResponse.BodyHandlers.ofString());
    }

    private <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
        try {
            return client.send(request.build(), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static URI location(HttpResponse<?> answer) {
        return answer.uri().resolve(answer.headers().firstValue("Location").orElseThrow(() -> new AssertionError(
                "no Location in " + answer.statusCode() + " from " + answer.uri())));
    }

    private static void expect(int status, HttpResponse<String> answer) {
        if (answer.statusCode() != status) {
            throw new AssertionError(answer.uri() + " answered " + answer.statusCode() + ", not " + status + ": "
                    + answer.body());
        }
    }
}
