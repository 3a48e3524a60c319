package cn.anxun.classes;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.util.Optional;

import org.junit.Test;

import cn.anxun.identity.InvalidInputException;

public class BreakdownTest {

    @Test
    public void aCityIsFoundByItsClassesACountyByItsLearnersTheProvinceWhole() {
        assertEquals(Optional.of(Breakdown.CITY), Breakdown.levelOf("440300"));
        assertEquals(Optional.of(Breakdown.COUNTY), Breakdown.levelOf("440305"));
        assertEquals(Optional.empty(), Breakdown.levelOf("440000"));
        assertEquals("e.city", Breakdown.levelOf("440300").orElseThrow().path("e"));
        assertEquals("s.region", Breakdown.COUNTY.path("s"));
    }

    @Test
    public void aRegionOutsideGuangdongIsRefused() {
        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> Breakdown.levelOf("450100"));
        assertEquals("region", refused.violations().get(0).field());
    }
}
