package cn.anxun.plugins.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.Test;
import org.osgi.framework.Version;

/** The plugin contract read from manifests, against a platform whose SPI exports face 1.1 and city 1.0. */
public class PluginContractTest {

    private static final String SPI = "cn.anxun.api.face;version=\"[1.1,2)\"";

    private final PluginContract contract = new PluginContract(Map.of("cn.anxun.api.face", new Version(1, 1, 0),
            "cn.anxun.api.city", new Version(1, 0, 0)));

    private static List<String> breaches(PluginContract contract, Map<String, String> headers) {
        return contract.breaches(headers::get);
    }

    @Test
    public void aPluginImportingTheSpiInItsMajorVersionKeepsTheContract() {
        assertEquals(List.of(), breaches(contract, Map.of("Import-Package",
                "cn.anxun.api.face;version=\"[1.1,2)\",cn.anxun.api.city;version=\"[1.0,2)\",org.slf4j;version=1.7")));
    }

    @Test
    public void internalAndCorePackagesAreBreaches() {
        List<String> breaches = breaches(contract, Map.of("Import-Package",
                "cn.anxun.face.internal,cn.anxun.ledger;version=\"[1.0,2)\",cn.anxun.api.face;version=\"[1.1,2)\""));
        assertEquals(2, breaches.size());
        assertTrue(breaches.get(0), breaches.get(0).contains("internal package cn.anxun.face.internal"));
        assertTrue(breaches.get(1), breaches.get(1).contains("cn.anxun.ledger, a package of the platform's core"));
    }

    @Test
    public void aRangeMustTakeTheExportedVersionAndEndBeforeTheNextMajor() {
        assertTrue(breaches(contract, Map.of("Import-Package", "cn.anxun.api.face;version=\"[1.2,2)\"")).get(0)
                .contains("does not take the version 1.1.0"));
        assertTrue(breaches(contract, Map.of("Import-Package", "cn.anxun.api.face;version=1.0")).get(0)
                .contains("takes the next major version 2.0.0"));
        assertTrue(breaches(contract, Map.of("Import-Package", "cn.anxun.api.face")).get(0)
                .contains("without a version range; it must end before the next major version, such as [1.1,2)"));
        assertTrue(breaches(contract, Map.of("Import-Package", "cn.anxun.api.exam;version=\"[1,2)\"")).get(0)
                .contains("which this platform's SPI does not have"));
        assertTrue(breaches(contract, Map.of("Import-Package", "cn.anxun.api.face;version=\"[1,x)\"")).get(0)
                .contains("malformed version range"));
    }

    @Test
    public void dynamicImportsRequiredBundlesAndFragmentsThatReachThePlatformAreBreaches() {
        assertEquals(1, breaches(contract, Map.of("DynamicImport-Package", "*", "Import-Package", SPI)).size());
        assertEquals(1, breaches(contract, Map.of("DynamicImport-Package", "cn.*", "Import-Package", SPI)).size());
        assertEquals(1, breaches(contract, Map.of("DynamicImport-Package", "cn.anxun.ledger.internal")).size());
        assertEquals(List.of(), breaches(contract, Map.of("DynamicImport-Package", "org.opencv.*",
                "Import-Package", SPI)));
        assertTrue(breaches(contract, Map.of("Require-Bundle", "cn.anxun.identity")).get(0)
                .contains("requires the bundle cn.anxun.identity"));
        assertTrue(breaches(contract, Map.of("Fragment-Host", "cn.anxun.ledger")).get(0)
                .contains("fragment of cn.anxun.ledger"));
    }

    @Test
    public void theCoreAndBundlesThatDoNotUseThePlatformAreNoPlugins() {
        assertFalse(PluginContract.isPlugin(Map.of("Anxun-Core", "true", "Import-Package",
                "cn.anxun.ledger.internal")::get));
        // a library that imports whatever it finds is no plugin, and its dynamic imports are no breach
        assertFalse(PluginContract.isPlugin(Map.of("Import-Package", "org.slf4j", "DynamicImport-Package", "*")::get));
        assertTrue(PluginContract.isPlugin(Map.of("Import-Package", "cn.anxun.api.face")::get));
    }

    @Test
    public void withoutTheSpiBundleOnlyTheUpperBoundIsChecked() {
        PluginContract unknown = new PluginContract(Map.of());
        assertEquals(List.of(), breaches(unknown, Map.of("Import-Package", "cn.anxun.api.face;version=\"[1.4,2)\"")));
        assertEquals(1, breaches(unknown, Map.of("Import-Package", "cn.anxun.api.face;version=1.4")).size());
    }
}
