package cn.anxun.itests;

import static org.junit.Assert.assertEquals;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven through Debian's ChromeDriver (never a downloaded one), its camera a video of a
 * test photograph. Pages are checked with axe-core, and screenshots of them kept as test output.
 */
final class Browser implements AutoCloseable {

    static final String AXE = "anxun.axe";
    static final String SCREENSHOTS = "anxun.screenshots";
    private static final Duration WAIT = Duration.ofSeconds(30);

    final ChromeDriver driver;
    final Path downloads;
    private final String base;

    /** A screen of that size in CSS pixels: a phone's (360 px wide) or a desktop's. */
    Browser(int port, Path camera, Path work, int width, int height) throws IOException {
        base = "http://localhost:" + port;
        Path profile = Files.createTempDirectory(Files.createDirectories(work), "chromium-");
        downloads = Files.createDirectories(profile.resolve("downloads"));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("anxun.chromium", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile.resolve("profile"),
                "--lang=zh-CN",
                "--autoplay-policy=no-user-gesture-required",
                "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream",
                "--use-file-for-fake-video-capture=" + camera);
        // a window is at least 500 px wide: the screen of a phone is emulated, as the browser's developer tools do
        options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics", Map.of("width", width,
                "height", height, "pixelRatio", 1.0, "mobile", width < 600, "touch", width < 600)));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("anxun.chromedriver", "/usr/bin/chromedriver")))
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow",
                "downloadPath", downloads.toString()));
    }

    /** Opens the page at that address; the page it is on already is loaded again, as a user's reload does. */
    void open(String hash) {
        String address = base + "/#" + hash;
        if (address.equals(driver.getCurrentUrl())) {
            driver.navigate().refresh();
        } else {
            driver.get(address);
        }
    }

    /** The first element the locator finds, once there and shown. */
    WebElement find(By locator) {
        return until("shown: " + locator, () -> driver.findElements(locator).stream().filter(WebElement::isDisplayed)
                .findFirst().orElse(null));
    }

    /** A button or link by its text. */
    WebElement control(String text) {
        return find(By.xpath("//*[self::button or self::a][normalize-space()='" + text + "']"));
    }

    void click(String text) {
        control(text).click();
    }

    /**
     * Waits until the page's camera has filmed that long: the fake camera starts its video again for each page, and
     * a capture taken at the same moment of it would be the same file, which the platform refuses as a replay.
     */
    void cameraPast(double seconds) {
        until("the camera filmed " + seconds + " s", () -> ((Number) script("const v = document.querySelector("
                + "'video[aria-label=\"摄像头画面\"]'); return v ? v.currentTime : 0")).doubleValue() >= seconds
                ? Boolean.TRUE : null);
    }

    /** Submits the form by its button. */
    void submit(String text) {
        find(By.xpath("//form//button[@type='submit'][normalize-space()='" + text + "']")).click();
    }

    void type(String name, String value) {
        WebElement input = find(By.name(name));
        input.clear();
        input.sendKeys(value);
    }

    /** Sets a field's value as a date picker would, firing its events. */
    void set(String name, String value) {
        script("const field = arguments[0]; field.value = arguments[1];"
                + "field.dispatchEvent(new Event('input', {bubbles: true}));"
                + "field.dispatchEvent(new Event('change', {bubbles: true}))", find(By.name(name)), value);
    }

    /** Picks an option of a list once the page has put it there. */
    void choose(String name, String value) {
        By option = By.cssSelector("select[name='" + name + "'] option[value='" + value + "']");
        until("option " + value + " of " + name, () -> driver.findElements(option).isEmpty() ? null : Boolean.TRUE);
        new Select(find(By.name(name))).selectByValue(value);
    }

    /** Waits for the page's main area to show the text. */
    void sees(String text) {
        until("the page shows “" + text + "”", () -> mainText().contains(text) ? Boolean.TRUE : null);
    }

    /** Waits for the page's status message (the live region outside the main area) to say the text. */
    void told(String text) {
        until("the page says “" + text + "”", () -> driver.findElement(By.id("status")).getText().contains(text)
                ? Boolean.TRUE : null);
    }

    String mainText() {
        return driver.findElement(By.id("main")).getText();
    }

    Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    /**
     * Polls until the value is there (not null), within the deadline; past it, fails with what the page shows then,
     * and keeps its screenshot.
     */
    <T> T until(String what, Supplier<T> value) {
        try {
            return new WebDriverWait(driver, WAIT).until(ignored -> value.get());
        } catch (TimeoutException e) {
            screenshot("failed-" + System.currentTimeMillis());
            throw new AssertionError("not within " + WAIT.toSeconds() + " s: " + what + "; the page shows:\n"
                    + driver.findElement(By.tagName("body")).getText(), e);
        }
    }

    /** Screenshot of the page as it is, kept under target/screenshots. */
    void screenshot(String name) {
        try {
            Path folder = Files.createDirectories(Path.of(System.getProperty(SCREENSHOTS)));
            Files.write(folder.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs axe-core on the page as it is (WCAG 2.1 A and AA rules) and fails on any serious or critical violation;
     * prints what it found, for the record.
     */
    @SuppressWarnings("unchecked")
    void accessible(String page) {
        try {
            script(Files.readString(Path.of(System.getProperty(AXE))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Object> results = (Map<String, Object>) driver.executeAsyncScript("const done = arguments[0];"
                + "axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']})"
                + ".then(r => done({violations: r.violations.map(v => ({id: v.id, impact: v.impact, nodes: "
                + "v.nodes.map(n => n.target.join(' ') + ' ' + n.html)})), passes: r.passes.length}))");
        List<String> serious = new ArrayList<>();
        List<String> all = new ArrayList<>();
        for (Map<String, Object> violation : (List<Map<String, Object>>) results.get("violations")) {
            String line = violation.get("impact") + " " + violation.get("id") + " " + violation.get("nodes");
            all.add(line);
            if ("serious".equals(violation.get("impact")) || "critical".equals(violation.get("impact"))) {
                serious.add(line);
            }
        }
        System.out.printf("axe %s: %s rules passed, %d violations %s%n", page, results.get("passes"), all.size(), all);
        assertEquals("serious or critical accessibility violations on " + page, List.of(), serious);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
