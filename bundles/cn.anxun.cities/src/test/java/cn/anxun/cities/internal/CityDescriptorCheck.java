package cn.anxun.cities.internal;

import static org.junit.Assert.assertNotNull;

import java.io.IOException;
import java.io.InputStream;

import org.junit.Test;

import cn.anxun.api.city.CityModule;

/**
 * Run by every city-module build (see {@code bundles/cities/pom.xml}) on that module's own descriptor, so a
 * broken descriptor fails the build instead of being rejected at run time.
 */
public class CityDescriptorCheck {

    static final String DESCRIPTOR = "/OSGI-INF/anxun/city.json";

    @Test
    public void descriptorIsValid() throws IOException {
        try (InputStream in = CityDescriptorCheck.class.getResourceAsStream(DESCRIPTOR)) {
            assertNotNull("the module has no " + DESCRIPTOR, in);
            CityModule city = new CityDescriptorReader().read(in);
            System.out.printf("city module %s %s: %d county-level divisions%n", city.code(), city.name(),
                    city.counties().size());
        }
    }
}
