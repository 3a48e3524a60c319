package cn.anxun.api.city;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.junit.Test;

public class CityModuleTest {

    private static final URI LIST = URI.create("https://yjglj.gz.gov.cn/");

    private static CityModule city(String code, List<County> counties) {
        return new CityModule(code, "广州市", "广州市应急管理局", LIST, counties);
    }

    private static String rejection(Runnable construction) {
        return assertThrows(IllegalArgumentException.class, construction::run).getMessage();
    }

    @Test
    public void acceptsACityWithItsDistricts() {
        CityModule city = city("440100", List.of(new County("440103", "荔湾区"), new County("440104", "越秀区")));
        assertEquals(2, city.counties().size());
    }

    @Test
    public void acceptsACityWithoutCountyLevel() {
        assertTrue(new CityModule("441900", "东莞市", "东莞市应急管理局", LIST, null).counties().isEmpty());
    }

    @Test
    public void rejectsCodesThatAreNotPrefectureLevel() {
        for (String code : new String[] {"440000", "440103", "4401", "44010A", "", null}) {
            assertTrue(code, rejection(() -> city(code, List.of())).startsWith("code:"));
        }
    }

    @Test
    public void rejectsACountyOfAnotherCity() {
        String message = rejection(() -> city("440100", List.of(new County("440303", "罗湖区"))));
        assertTrue(message, message.contains("must start with 4401"));
    }

    @Test
    public void rejectsADuplicateCounty() {
        String message = rejection(() -> city("440100", List.of(new County("440103", "荔湾区"), new County("440103", "荔湾"))));
        assertTrue(message, message.contains("appears twice"));
    }

    @Test
    public void rejectsMalformedCountyCodes() {
        assertTrue(rejection(() -> new County("440100", "市辖区")).startsWith("counties:"));
        assertTrue(rejection(() -> new County("44013", "x")).startsWith("counties:"));
    }

    @Test
    public void rejectsBlankNamesAndRelativeLinks() {
        assertTrue(rejection(() -> new CityModule("440100", " ", "局", LIST, List.of())).startsWith("name:"));
        assertTrue(rejection(() -> new CityModule("440100", "广州市", null, LIST, List.of())).startsWith("bureau:"));
        assertTrue(rejection(() -> new CityModule("440100", "广州市", "局", URI.create("/list"), List.of()))
                .startsWith("institutionListUrl:"));
        assertTrue(rejection(() -> new CityModule("440100", "广州市", "局", URI.create("ftp://x/"), List.of()))
                .startsWith("institutionListUrl:"));
    }

    @Test
    public void countiesAreAnImmutableCopy() {
        List<County> counties = new ArrayList<>(List.of(new County("440103", "荔湾区")));
        CityModule city = city("440100", counties);
        counties.clear();
        assertEquals(1, city.counties().size());
        assertThrows(UnsupportedOperationException.class, () -> city.counties().clear());
    }

    @Test
    public void namesAreTrimmed() {
        assertEquals("荔湾区", new County("440103", " 荔湾区 ").name());
    }
}
