package cn.anxun.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import javax.inject.Inject;

import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeaturesService;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.SynchronousBundleListener;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * City modules come and go while the web API serves: one, or the whole province at once, appears and disappears
 * within seconds, no request fails meanwhile, nothing in the core is stopped, refreshed or re-created, and what was
 * recorded for a city stays.
 */
public class CityModuleHotDeployIT extends SharedPlatformTestSupport {

    private static final String FEATURE = "anxun-city-guangzhou";
    private static final String PROVINCE = "anxun-cities-guangdong";
    private static final String GUANGZHOU = "440100";
    private static final Duration APPEARS_WITHIN = Duration.ofSeconds(3);

    @Inject
    private FeaturesService features;

    private final List<String> coreEvents = new CopyOnWriteArrayList<>();
    private final SynchronousBundleListener coreWatcher = event -> {
        Bundle bundle = event.getBundle();
        if (!bundle.getSymbolicName().startsWith("cn.anxun.city.")) {
            coreEvents.add(bundle.getSymbolicName() + " " + eventName(event.getType()));
        }
    };
    private final CitiesPoller poller = new CitiesPoller();

    @Before
    public void watch() throws Exception {
        // each test starts from no city module, whatever the classes before it on this platform installed
        Set<String> cities = Arrays.stream(features.listRequiredFeatures()).map(Feature::getName)
                .filter(name -> name.startsWith("anxun-city-") || name.equals(PROVINCE)).collect(Collectors.toSet());
        if (!cities.isEmpty()) {
            features.uninstallFeatures(cities, EnumSet.noneOf(FeaturesService.Option.class));
        }
        Eventually.await("no city listed", Duration.ofSeconds(60), () -> http.get("/api/v1/cities").json().isEmpty());
        bundleContext.addBundleListener(coreWatcher);
        poller.start();
    }

    @After
    public void stopWatching() {
        poller.stop();
        bundleContext.removeBundleListener(coreWatcher);
    }

    @Test
    public void installRemoveAndReinstallWhileTheApiServes() throws Exception {
        Map<String, Long> bundlesBefore = activeBundles();
        long registryService = serviceId("cn.anxun.cities.CityRegistry");

        Duration appeared = timed(() -> features.installFeature(FEATURE, EnumSet.noneOf(FeaturesService.Option.class)),
                () -> poller.lastSaw(GUANGZHOU));
        System.out.printf("440100 appeared in GET /api/v1/cities %d ms after feature:install%n", appeared.toMillis());
        JsonNode installed = http.get("/api/v1/cities/" + GUANGZHOU).json();
        assertTrue(installed.path("installed").asBoolean());
        assertEquals("广州's districts", 11, installed.path("counties").size());
        String firstInstalled = installed.path("firstInstalled").asText();
        assertFalse(firstInstalled.isEmpty());
        assertTrue(shell("anxun:cities").contains(GUANGZHOU));

        Duration disappeared = timed(() -> features.uninstallFeature(FEATURE), () -> !poller.lastSaw(GUANGZHOU));
        System.out.printf("440100 left GET /api/v1/cities %d ms after feature:uninstall%n", disappeared.toMillis());
        JsonNode removed = http.get("/api/v1/cities/" + GUANGZHOU).json();
        assertFalse(removed.path("installed").asBoolean());
        assertEquals(firstInstalled, removed.path("firstInstalled").asText());
        assertFalse("the removal is recorded", removed.path("lastRemoved").isNull());
        assertEquals("广州市", removed.path("name").asText());
        assertTrue(http.get("/api/v1/cities?state=removed").body().contains(GUANGZHOU));
        assertTrue(shell("anxun:cities").contains("removed"));
        JsonNode refused = Problems.assertProblem(http.post("/api/v1/learners",
                Identity.registration(IdNumbers.next(), null).toString()), 422, "invalid-input");
        assertEquals("city-module-installed", refused.at("/errors/0/rule").asText());
        assertTrue(refused.toString(), refused.at("/errors/0/message").asText().contains("广州市 is not installed"));

        timed(() -> features.installFeature(FEATURE, EnumSet.noneOf(FeaturesService.Option.class)),
                () -> poller.lastSaw(GUANGZHOU));
        JsonNode again = http.get("/api/v1/cities/" + GUANGZHOU).json();
        assertTrue(again.path("installed").asBoolean());
        assertEquals("first-installed date survives a removal", firstInstalled, again.path("firstInstalled").asText());

        poller.stop();
        System.out.printf("%d polls of GET /api/v1/cities meanwhile, failures: %s%n", poller.polls(), poller.failures());
        assertEquals(List.of(), poller.failures());
        // it saw the city appear, leave and come back: a poll at each state at least, however quick the changes
        assertTrue("the poller ran", poller.polls() >= 3);
        assertEquals("no core bundle was stopped, refreshed or re-resolved", List.of(), coreEvents);
        assertEquals("every core bundle kept its id and stayed active", bundlesBefore, activeBundles());
        assertEquals("the city registry was not re-created", registryService, serviceId("cn.anxun.cities.CityRegistry"));
    }

    @Test
    public void theWholeProvinceAtOnce() throws Exception {
        Map<String, Long> bundlesBefore = activeBundles();
        long start = System.nanoTime();
        features.installFeature(PROVINCE, EnumSet.noneOf(FeaturesService.Option.class));
        Eventually.await("all 21 cities in GET /api/v1/cities", Duration.ofSeconds(60),
                () -> http.get("/api/v1/cities").json().size() == 21);
        System.out.printf("all 21 cities appeared in GET /api/v1/cities %d ms after feature:install %s%n",
                Duration.ofNanos(System.nanoTime() - start).toMillis(), PROVINCE);
        JsonNode cities = http.get("/api/v1/cities").json();
        int counties = 0;
        for (JsonNode city : cities) {
            counties += city.path("counties").size();
        }
        assertEquals("county-level divisions of Guangdong (东莞 and 中山 have none)", 122, counties);
        assertEquals(0, http.get("/api/v1/cities/441900").json().path("counties").size());
        Identity.Account operator = new Identity(http).staff("OPERATOR", null, null);
        Problems.assertProblem(operator.http().post("/api/v1/city-modules/440300/uninstall", ""), 409, "conflict");
        assertTrue(shell("anxun:city-modules").contains("installed (with the province)"));

        features.uninstallFeature(PROVINCE);
        Eventually.await("the cities left with the feature", Duration.ofSeconds(60),
                () -> !http.get("/api/v1/cities").body().contains("440300"));
        assertTheCoreUntouched(bundlesBefore);
    }

    @Test
    public void theOperatorManagesModulesThroughTheApiAndTheAuditSaysWho() throws Exception {
        Map<String, Long> bundlesBefore = activeBundles();
        Identity identity = new Identity(http);
        Identity.Account operator = identity.staff("OPERATOR", null, null);
        Problems.assertProblem(identity.staff("CITY_REGULATOR", "440300", null).http().get("/api/v1/city-modules"),
                403, "forbidden");
        Problems.assertProblem(http.get("/api/v1/city-modules"), 401, "login-required");

        JsonNode modules = operator.http().get("/api/v1/city-modules").json();
        assertEquals(21, modules.size());
        assertEquals("440100", modules.get(0).path("code").asText());

        Http.Reply installed = operator.http().post("/api/v1/city-modules/440300/install", "");
        assertEquals(installed.body(), 200, installed.status());
        assertTrue(installed.json().path("installed").asBoolean());
        Eventually.await("440300 listed", Duration.ofSeconds(15),
                () -> http.get("/api/v1/cities").body().contains("\"440300\""));
        assertTrue(shell("anxun:city-modules").lines().anyMatch(line -> line.contains("440300")
                && line.contains("installed")));

        Http.Reply removed = operator.http().post("/api/v1/city-modules/440300/uninstall", "");
        assertEquals(removed.body(), 200, removed.status());
        Eventually.await("440300 gone", Duration.ofSeconds(15),
                () -> !http.get("/api/v1/cities").body().contains("\"440300\""));
        assertTrue(shell("anxun:city-modules").lines().anyMatch(line -> line.contains("440300")
                && line.contains("removed")));
        Problems.assertProblem(operator.http().post("/api/v1/city-modules/449900/install", ""), 404, "not-found");

        Identity.Account auditor = identity.staff("AUDITOR", null, null);
        for (String action : new String[] {"city-module.install", "city-module.uninstall"}) {
            JsonNode rows = Identity.audit(auditor, "action=" + action + "&target=city-module:440300&actor="
                    + operator.id());
            assertEquals(action, 1, rows.size());
        }
        assertTheCoreUntouched(bundlesBefore);
    }

    /** No request failed meanwhile and no core bundle was stopped, refreshed, re-resolved or replaced. */
    private void assertTheCoreUntouched(Map<String, Long> bundlesBefore) {
        poller.stop();
        assertEquals(List.of(), poller.failures());
        assertEquals("no core bundle was stopped, refreshed or re-resolved", List.of(), coreEvents);
        assertEquals("every core bundle kept its id and stayed active", bundlesBefore, activeBundles());
    }

    private Duration timed(ThrowingAction action, java.util.function.BooleanSupplier until) throws Exception {
        long start = System.nanoTime();
        action.run();
        Eventually.await("the change shows in GET /api/v1/cities", APPEARS_WITHIN, until);
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** Symbolic name to bundle id of every active bundle but the city modules. */
    private Map<String, Long> activeBundles() {
        Map<String, Long> active = new HashMap<>();
        for (Bundle bundle : bundleContext.getBundles()) {
            if (bundle.getState() == Bundle.ACTIVE && !bundle.getSymbolicName().startsWith("cn.anxun.city.")) {
                active.put(bundle.getSymbolicName() + "/" + bundle.getVersion(), bundle.getBundleId());
            }
        }
        return active;
    }

    private long serviceId(String type) {
        ServiceReference<?> reference = bundleContext.getServiceReference(type);
        assertNotNull(type, reference);
        return (Long) reference.getProperty("service.id");
    }

    private static String eventName(int type) {
        return switch (type) {
            case BundleEvent.INSTALLED -> "INSTALLED";
            case BundleEvent.RESOLVED -> "RESOLVED";
            case BundleEvent.STARTING -> "STARTING";
            case BundleEvent.STARTED -> "STARTED";
            case BundleEvent.STOPPING -> "STOPPING";
            case BundleEvent.STOPPED -> "STOPPED";
            case BundleEvent.UNRESOLVED -> "UNRESOLVED";
            case BundleEvent.UPDATED -> "UPDATED";
            case BundleEvent.UNINSTALLED -> "UNINSTALLED";
            default -> "event " + type;
        };
    }

    @FunctionalInterface
    private interface ThrowingAction {
        void run() throws Exception;
    }

    /** GET /api/v1/cities every 100 ms, remembering whether the last answer listed a city and every failure. */
    private final class CitiesPoller {

        private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
        private final List<String> failures = new CopyOnWriteArrayList<>();
        private volatile String lastBody = "";
        private volatile int polls;

        void start() {
            executor.scheduleAtFixedRate(this::poll, 0, 100, TimeUnit.MILLISECONDS);
        }

        private void poll() {
            try {
                Http.Reply reply = http.get("/api/v1/cities");
                polls++;
                if (reply.status() != 200) {
                    failures.add(reply.status() + " " + reply.body());
                } else {
                    lastBody = reply.body();
                }
            } catch (RuntimeException e) {
                failures.add(e.toString());
            }
        }

        boolean lastSaw(String code) {
            return lastBody.contains("\"code\":\"" + code + "\"");
        }

        int polls() {
            return polls;
        }

        List<String> failures() {
            return failures;
        }

        /** Lets the poll under way end: interrupted, it would count as a failure of the API. */
        void stop() {
            executor.shutdown();
            try {
                assertTrue("the last poll ends", executor.awaitTermination(30, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while the last poll ended", e);
            }
        }
    }
}
