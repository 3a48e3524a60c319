package cn.anxun.itests;

import static org.junit.Assert.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.openqa.selenium.By;

/**
 * The distribution the browser tests open their pages on: started with bin/karaf from its archive on embedded Derby,
 * outside any test container, since Selenium and its browser run beside it as a user's would. Its settings make a
 * short study unit carry its random face check within seconds.
 */
final class BrowserPlatform {

    private BrowserPlatform() {
    }

    static Distribution started(Path work) throws IOException, InterruptedException {
        Distribution platform = new Distribution(Path.of(System.getProperty("anxun.distribution")), work, Map.of());
        platform.set("etc/cn.anxun.identity.cfg", "initialAdminPasswordHash", Identity.ADMIN_PASSWORD_HASH);
        platform.set("etc/cn.anxun.identity.cfg", "registrationsPerAddress",
                AnxunTestSupport.REGISTRATIONS_PER_ADDRESS);
        // the fake camera films one photograph: captures alike to it are not replays here (those are FaceIT's)
        platform.set("etc/cn.anxun.face.cfg", "replaySimilarity", "1.01");
        platform.set("etc/cn.anxun.study.cfg", "heartbeatSeconds", "2");
        platform.start();
        Eventually.await("the platform is ready", Duration.ofSeconds(180), new Http(platform.httpPort)::ready);
        return platform;
    }

    /** The operator, once the city's module is installed through the API. */
    static Identity.Account withCity(Identity identity, String city) {
        Identity.Account operator = identity.staff("OPERATOR", null, null);
        if (listed(operator, city)) {
            return operator;
        }
        Http.Reply installed = operator.http().post("/api/v1/city-modules/" + city + "/install", "");
        assertEquals(installed.body(), 200, installed.status());
        Eventually.await(city + " listed", Duration.ofSeconds(30), () -> listed(operator, city));
        return operator;
    }

    private static boolean listed(Identity.Account reader, String city) {
        return reader.http().get("/api/v1/cities").body().contains("\"" + city + "\"");
    }

    /** A desktop's screen, as staff and regulators work on. */
    static Browser desktop(Distribution platform, Path work) throws IOException {
        return new Browser(platform.httpPort, FakeCamera.of(Photos.CAGE, work), work, 1280, 900);
    }

    /** Logs a staff member in through the login page, with the password {@link Identity#firstLogin} gave them. */
    static void logIn(Browser browser, String username) {
        logIn(browser, username, Identity.STAFF_PASSWORD);
    }

    static void logIn(Browser browser, String username, String password) {
        browser.open("/login");
        browser.find(By.cssSelector("input[name='kind'][value='staff']")).click();
        browser.type("username", username);
        browser.type("password", password);
        browser.submit("登录");
        browser.until("logged in", () -> browser.driver.getCurrentUrl().contains("#/login") ? null : Boolean.TRUE);
    }

    /** A phone's screen, 360 px wide, its camera filming the learner of the test photographs. */
    static Browser phone(Distribution platform, Path work) throws IOException {
        return new Browser(platform.httpPort, FakeCamera.of(Photos.CAGE, work), work, 360, 780);
    }
}
