package cn.anxun.identity;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

public class RegionsTest {

    @Test
    public void aProvinceCoversItsCitiesAndCountiesACityItsCounties() {
        assertTrue(Regions.covers("440000", "440106"));
        assertTrue(Regions.covers("440000", "440300"));
        assertTrue(Regions.covers("440300", "440305"));
        assertTrue(Regions.covers("440300", "440300"));
        assertTrue(Regions.covers("440305", "440305"));
        assertFalse(Regions.covers("440300", "440106"));
        assertFalse(Regions.covers("440305", "440300"));
        assertFalse(Regions.covers("440305", "440306"));
        assertFalse(Regions.covers("450000", "440106"));
        assertFalse(Regions.covers(null, "440106"));
        assertFalse(Regions.covers("440000", null));
    }

    @Test
    public void theCodeNamesTheLevel() {
        assertEquals(Role.PROVINCE_REGULATOR, Regions.regulatorRole("440000"));
        assertEquals(Role.CITY_REGULATOR, Regions.regulatorRole("441900"));
        assertEquals(Role.COUNTY_REGULATOR, Regions.regulatorRole("440106"));
    }
}
