package cn.anxun.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

import org.openqa.selenium.By;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Staff sign on through a real OpenID Connect provider: Keycloak with the test realm, and the distribution
 * started with bin/karaf on the suite's database, the sign-on plugin installed at boot and staff required to sign on.
 * Every test walks the whole flow: the platform's start, the provider's login form, the code back at the platform's
 * callback.
 */
public class SignOnIT {

    private static Distribution platform;
    private static Keycloak keycloak;
    private static Http http;
    private static Path work;
    /** Reads the audit log: a local account, a break-glass one, since staff sign on here. */
    private static Identity.Account auditor;

    @BeforeClass
    public static void boot() throws Exception {
        work = Path.of(System.getProperty("anxun.work"), "signon");
        platform = new Distribution(Path.of(System.getProperty("anxun.distribution")), work);
        String address = "http://localhost:" + platform.httpPort;
        keycloak = Keycloak.start(address);
        platform.set("etc/cn.anxun.identity.cfg", "initialAdminPasswordHash", Identity.ADMIN_PASSWORD_HASH);
        platform.set("etc/cn.anxun.identity.cfg", "staffSignOn", "oidc");
        platform.set("etc/cn.anxun.identity.cfg", "staffSignOnRequired", "true");
        platform.set("etc/cn.anxun.identity.cfg", "breakGlassUsernames", "admin, it-auditor");
        platform.bootFeature("anxun-signon-oidc");
        platform.bootFeature("anxun-city-guangzhou");
        Files.writeString(platform.home.resolve("etc/cn.anxun.signon.oidc.cfg"), String.join("\n",
                "issuer = " + keycloak.issuer(),
                "clientId = " + Keycloak.CLIENT,
                "clientSecret = " + Keycloak.CLIENT_SECRET,
                "redirectUri = " + address + "/api/v1/auth/signon/callback",
                "postLogoutRedirectUri = " + address + "/",
                "roleClaim = anxun_roles",
                "regionClaim = region_code",
                "roles = city-regulator=CITY_REGULATOR@region, county-regulator=COUNTY_REGULATOR@region, "
                        + "platform-operator=OPERATOR",
                // the test rotates the provider's key seconds after its first sign-on
                "keyRefreshSeconds = 1", ""));
        platform.start();
        keycloak.awaitReady();
        Eventually.await("the platform is ready", Duration.ofSeconds(180), new Http(platform.httpPort)::ready);
        http = new Http(platform.httpPort);
        Identity identity = new Identity(http);
        Http.Reply created = identity.admin().http().post("/api/v1/staff", "{\"username\":\"it-auditor\","
                + "\"displayName\":\"审计\",\"grant\":{\"roles\":[\"AUDITOR\"]}}");
        assertEquals(created.body(), 201, created.status());
        auditor = identity.firstLogin("it-auditor", created.json().get("password").asText());
    }

    @AfterClass
    public static void stop() {
        if (platform != null) {
            platform.close();
        }
        if (keycloak != null) {
            keycloak.close();
        }
    }

    /**
     * In a browser: the login page's button, the provider's own login page, the regulator's overview; logging out
     * goes through the provider's end-session page and back to the login page.
     */
    @Test
    public void aRegulatorSignsOnThroughTheProvidersOwnPageInABrowser() throws Exception {
        try (Browser desktop = BrowserPlatform.desktop(platform, work)) {
            desktop.open("/login");
            desktop.accessible("login with sign-on");
            desktop.screenshot("signon-login");
            desktop.click("工作人员：通过广东省统一身份认证平台登录");
            desktop.until("the provider's login page", () -> desktop.driver.getCurrentUrl().startsWith(
                    keycloak.issuer()) ? Boolean.TRUE : null);
            desktop.find(By.id("username")).sendKeys("zhang.wei");
            desktop.find(By.id("password")).sendKeys(Keycloak.PASSWORD);
            desktop.find(By.id("kc-login")).click();
            desktop.sees("监管概览（广州市）");

            desktop.click("退出登录");
            desktop.until("back on the login page", () -> desktop.driver.getCurrentUrl().endsWith("#/login")
                    ? Boolean.TRUE : null);
            desktop.click("工作人员：通过广东省统一身份认证平台登录");
            desktop.find(By.id("kc-login")); // the provider asks again: its session ended with the platform's
        }
    }

    /**
     * A sign-on the provider refuses to map comes back to the login page, which says why in the person's words.
     */
    @Test
    public void theLoginPageExplainsARefusedSignOn() throws Exception {
        try (Browser desktop = BrowserPlatform.desktop(platform, work)) {
            desktop.open("/login");
            desktop.click("工作人员：通过广东省统一身份认证平台登录");
            desktop.find(By.id("username")).sendKeys("wang.fang");
            desktop.find(By.id("password")).sendKeys(Keycloak.PASSWORD);
            desktop.find(By.id("kc-login")).click();
            desktop.sees("统一身份认证平台未授予您本平台的角色");
            desktop.accessible("a refused sign-on");
        }
    }

    /** The provider's roles and region become the account's; its name and user name come from the ID token. */
    @Test
    public void aRegulatorSignsOnWithTheRoleAndRegionTheProviderGives() {
        JsonNode offer = http.get("/api/v1/auth/signon").json();
        assertEquals("oidc", offer.get("provider").asText());
        assertTrue(offer.get("required").asBoolean());

        SignOnClient browser = new SignOnClient(platform.httpPort);
        SignOnClient.Outcome outcome = browser.signOn("zhang.wei", Keycloak.PASSWORD);
        assertTrue(outcome.toString(), outcome.signedOn());
        JsonNode me = browser.api("GET", "/api/v1/me", null).json();
        assertEquals("zhang.wei", me.get("name").asText());
        assertEquals(List.of("CITY_REGULATOR"), List.of(me.get("roles").get(0).asText()));
        assertEquals("440100", me.get("regionCode").asText());
        assertFalse(me.get("passwordChangeRequired").asBoolean());
        Http.Reply overview = browser.api("GET", "/api/v1/supervision/overview?by=COUNTY", null);
        assertEquals(overview.body(), 200, overview.status());

        // signing on again finds the same account
        SignOnClient again = new SignOnClient(platform.httpPort);
        signedOn(again, "zhang.wei");
        assertEquals(me.get("accountId").asText(), again.api("GET", "/api/v1/me", null).json().get("accountId")
                .asText());
    }

    /**
     * Only the configured claims give roles: a provider role named like a platform role gives none, and a region
     * the provider gives that does not fit the role is refused as an administrator's grant would be.
     */
    @Test
    public void onlyConfiguredClaimsGiveRolesAndTheirBindingsAreChecked() {
        assertEquals("/#/login?signon=no-role", new SignOnClient(platform.httpPort).signOn("wang.fang",
                Keycloak.PASSWORD).landedOn());
        assertEquals("/#/login?signon=invalid-grant", new SignOnClient(platform.httpPort).signOn("chen.jie",
                Keycloak.PASSWORD).landedOn());
        String refusals = auditor.http().get("/api/v1/audit?action=signon.refused&limit=500").body();
        assertTrue(refusals, refusals.contains("no-role"));
        assertTrue(refusals, refusals.contains("region-level"));
    }

    /**
     * Staff passwords are for break-glass accounts only, and a provider's user name never takes over an account
     * of the platform that does not sign on.
     */
    @Test
    public void passwordsAreForBreakGlassAccountsAndNamesAreNeverTakenOver() {
        Identity identity = new Identity(http);
        Identity.NewStaff local = identity.newStaff(List.of("OPERATOR"), null, null);
        Http.Reply refused = http.post("/api/v1/auth/login", "{\"username\":\"" + local.username()
                + "\",\"password\":\"" + local.oneTimePassword() + "\"}");
        assertEquals(refused.body(), 403, refused.status());
        assertTrue(refused.body(), refused.body().contains("sign-on-required"));
        assertNotNull(identity.admin().token()); // the break-glass administrator logs in with a password

        Http.Reply taken = identity.admin().http().post("/api/v1/staff", "{\"username\":\"he.ping\",\"displayName\":"
                + "\"何平\",\"grant\":{\"roles\":[\"OPERATOR\"]}}");
        assertEquals(taken.body(), 201, taken.status());
        assertEquals("/#/login?signon=username-taken", new SignOnClient(platform.httpPort).signOn("he.ping",
                Keycloak.PASSWORD).landedOn());
    }

    /** A user disabled at the provider loses the platform's login at its next refresh, and cannot sign on again. */
    @Test
    public void aUserDisabledAtTheProviderIsSignedOutAtTheNextRefresh() {
        SignOnClient browser = new SignOnClient(platform.httpPort);
        signedOn(browser, "zhao.lei");
        assertEquals(200, browser.api("POST", "/api/v1/auth/refresh", "{}").status());

        keycloak.disable("zhao.lei");
        Http.Reply refresh = browser.api("POST", "/api/v1/auth/refresh", "{}");
        assertEquals(refresh.body(), 401, refresh.status());
        assertTrue(refresh.body(), refresh.body().contains("signed-out"));
        assertEquals(401, browser.api("GET", "/api/v1/me", null).status());
        assertFalse(new SignOnClient(platform.httpPort).signOn("zhao.lei", Keycloak.PASSWORD).signedOn());
    }

    /** The provider rotates its signing key: tokens signed with the new key are checked against it at once. */
    @Test
    public void aRotatedSigningKeyIsFollowed() {
        SignOnClient browser = new SignOnClient(platform.httpPort);
        signedOn(browser, "sun.li");
        String before = keycloak.keyIds();

        keycloak.rotateSigningKey();
        assertNotEquals(before, keycloak.keyIds());
        Http.Reply refresh = browser.api("POST", "/api/v1/auth/refresh", "{}");
        assertEquals(refresh.body(), 200, refresh.status());
        signedOn(new SignOnClient(platform.httpPort), "li.na");
    }

    /**
     * The provider signs a user out everywhere: its back-channel message ends the user's logins here, and the
     * message it sends for another client of the realm, a token whose audience is not this platform, is refused.
     */
    @Test
    public void theProvidersSignOutEndsTheLoginAndATokenForAnotherClientIsRefused() {
        SignOnClient browser = new SignOnClient(platform.httpPort);
        signedOn(browser, "zhou.min");
        keycloak.loginToOtherClient("zhou.min");

        keycloak.signOut("zhou.min");
        Eventually.await("the login ended", Duration.ofSeconds(30),
                () -> browser.api("GET", "/api/v1/me", null).status() == 401);
        Eventually.await("the other client's logout token refused", Duration.ofSeconds(30), () -> auditor.http()
                .get("/api/v1/audit?action=signon.sign-out-refused").body().contains("invalid-token"));
        String refused = auditor.http().get("/api/v1/audit?action=signon.sign-out-refused").body();
        assertTrue(refused, refused.contains("aud claim rejected"));
    }

    /** Logging out of the platform also ends the provider's session, through its end-session page. */
    @Test
    public void logoutEndsTheProvidersSessionToo() {
        SignOnClient browser = new SignOnClient(platform.httpPort);
        signedOn(browser, "li.na");
        assertTrue("the provider remembers the person", browser.signOnAtOnce());

        Http.Reply logout = browser.api("POST", "/api/v1/auth/logout", null);
        assertEquals(logout.body(), 200, logout.status());
        String providerLogout = logout.json().get("providerLogout").asText();
        assertTrue(providerLogout, providerLogout.startsWith(keycloak.issuer()));
        assertEquals(302, browser.follow(providerLogout).statusCode());
        assertEquals(401, browser.api("GET", "/api/v1/me", null).status());
        assertFalse("the provider forgot the person", browser.signOnAtOnce());
    }

    private static void signedOn(SignOnClient browser, String username) {
        SignOnClient.Outcome outcome = browser.signOn(username, Keycloak.PASSWORD);
        assertTrue(username + ": " + outcome, outcome.signedOn());
    }
}
