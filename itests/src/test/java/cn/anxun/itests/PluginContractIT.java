package cn.anxun.itests;

import static cn.anxun.itests.Problems.assertProblem;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.inject.Inject;

import org.apache.karaf.features.FeaturesService;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.wiring.FrameworkWiring;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A plugin that breaks the plugin contract (it imports the platform's core or internals) is refused on every path
 * into the platform: through the API before anything is installed, and installed by other means it is never
 * resolved, so none of its code runs. Each refusal is listed and audited once; a plugin that keeps the contract
 * beside it starts.
 */
public class PluginContractIT extends SharedPlatformTestSupport {

    private static final String REFUSED_FEATURE = "anxun-face-refused";

    @Inject
    private FeaturesService features;

    private Identity.Account operator;
    private Identity.Account auditor;
    private final List<Bundle> installed = new ArrayList<>();

    @Before
    public void staff() {
        Identity identity = new Identity(http);
        operator = identity.staff("OPERATOR", null, null);
        auditor = identity.staff("AUDITOR", null, null);
    }

    @After
    public void uninstall() throws BundleException {
        for (Bundle bundle : installed) {
            bundle.uninstall();
        }
    }

    @Test
    public void theApiRefusesAFeatureWhosePluginImportsAnInternalPackageAndInstallsNothing() throws Exception {
        Path folder = Files.createTempDirectory("refused-feature");
        Path jar = PluginJars.write(folder.resolve("refused.jar"), "com.vendor.face.refused",
                PluginJars.INTERNAL_IMPORT + "," + PluginJars.SPI_IMPORT);
        URI repository = Files.writeString(folder.resolve("features.xml"), "<features name=\"vendor-refused\" "
                + "xmlns=\"http://karaf.apache.org/xmlns/features/v1.6.0\"><feature name=\"" + REFUSED_FEATURE
                + "\" version=\"1.0.0\" description=\"A face provider built against the platform's internals\">"
                + "<bundle>" + jar.toUri() + "</bundle></feature></features>").toUri();
        features.addRepository(repository);
        try {
            JsonNode refused = assertProblem(operator.http().post("/api/v1/plugins/" + REFUSED_FEATURE + "/install",
                    ""), 422, "invalid-input");
            assertEquals("feature", refused.at("/errors/0/field").asText());
            assertEquals("plugin-contract", refused.at("/errors/0/rule").asText());
            assertTrue(refused.toString(), refused.at("/errors/0/message").asText()
                    .contains("imports the internal package cn.anxun.face.internal"));

            assertFalse("nothing of it was installed", Arrays.stream(bundleContext.getBundles())
                    .anyMatch(bundle -> "com.vendor.face.refused".equals(bundle.getSymbolicName())));
            JsonNode plugin = InstalledPlugins.of(operator.http(), REFUSED_FEATURE);
            assertFalse(plugin.path("installed").asBoolean());
            assertTrue("nothing was decided for the other nodes", plugin.path("desired").isNull()
                    || plugin.path("desired").isMissingNode());
            JsonNode rows = Identity.audit(auditor, "action=plugin.install&target=plugin:" + REFUSED_FEATURE);
            assertEquals(1, rows.size());
            assertEquals("failure", rows.get(0).path("outcome").asText());
        } finally {
            features.removeRepository(repository);
        }
    }

    @Test
    public void aBundleInstalledByOtherMeansIsNeverResolvedAndItsRefusalIsListedAndAudited() throws Exception {
        Bundle refused = install("com.vendor.validator.refused", PluginJars.CORE_IMPORT);
        Bundle kept = install("com.vendor.face.kept", PluginJars.SPI_IMPORT);

        assertEquals(BundleException.RESOLVE_ERROR, startRefused(refused).getType());
        kept.start();
        assertEquals(Bundle.INSTALLED, refused.getState());
        assertEquals(Bundle.ACTIVE, kept.getState());
        startRefused(refused);

        List<JsonNode> refusals = refusalsOf("com.vendor.validator.refused");
        assertEquals("judged once, however often it is tried", 1, refusals.size());
        assertTrue(refusals.toString(), refusals.get(0).at("/breaches/0").asText()
                .contains("imports cn.anxun.ledger, a package of the platform's core"));
        assertEquals(List.of(), refusalsOf("com.vendor.face.kept"));
        Eventually.await("the refusal audited", Duration.ofSeconds(15), () -> Identity.audit(auditor,
                "action=plugin.refused&target=bundle:com.vendor.validator.refused/1.0.0").size() == 1);
        assertProblem(http.get("/api/v1/plugins/refusals"), 401, "login-required");
    }

    @Test
    public void aBundleResolvedBeforeTheContractWasEnforcedIsUnresolvedWhenItIs() throws Exception {
        Bundle plugins = Arrays.stream(bundleContext.getBundles())
                .filter(bundle -> "cn.anxun.plugins".equals(bundle.getSymbolicName())).findFirst().orElseThrow();
        plugins.stop();
        Bundle slipped;
        try {
            slipped = install("com.vendor.validator.slipped", PluginJars.CORE_IMPORT);
            assertTrue("resolved while nothing enforced the contract", bundleContext.getBundle(0)
                    .adapt(FrameworkWiring.class).resolveBundles(List.of(slipped)));
        } finally {
            plugins.start();
        }
        Eventually.await("unresolved once the contract is enforced", Duration.ofSeconds(30),
                () -> slipped.getState() == Bundle.INSTALLED);
        assertEquals(1, refusalsOf("com.vendor.validator.slipped").size());
        Eventually.await("ready again", Duration.ofSeconds(60), http::ready);
    }

    /** The probe has no JUnit 4.13 assertThrows. */
    private static BundleException startRefused(Bundle bundle) {
        try {
            bundle.start();
        } catch (BundleException e) {
            return e;
        }
        throw new AssertionError(bundle.getSymbolicName() + " started");
    }

    private Bundle install(String symbolicName, String imports) throws BundleException {
        Bundle bundle = bundleContext.installBundle("anxun-it:" + symbolicName, PluginJars.plugin(symbolicName,
                imports));
        installed.add(bundle);
        return bundle;
    }

    private List<JsonNode> refusalsOf(String symbolicName) {
        Http.Reply reply = operator.http().get("/api/v1/plugins/refusals");
        assertEquals(reply.body(), 200, reply.status());
        List<JsonNode> refusals = new ArrayList<>();
        reply.json().forEach(refusal -> {
            if (refusal.path("bundle").asText().equals(symbolicName)) {
                refusals.add(refusal);
            }
        });
        return refusals;
    }
}
