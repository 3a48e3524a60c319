package cn.anxun.api.supervision;

import static org.junit.Assert.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.Test;

public class OutliersTest {

    @Test
    public void anInstitutionPassingFarMoreThanTheOthersOfItsCityStandsOut() {
        Map<String, Double> outlying = Outliers.above(Map.of("a", new Outliers.Share(40, 40),
                "b", new Outliers.Share(50, 30), "c", new Outliers.Share(20, 13), "d", new Outliers.Share(30, 18)));
        assertEquals(1, outlying.size());
        // the mean of b, c and d
        assertEquals(0.6167, outlying.get("a"), 0.0001);
    }

    @Test
    public void closeRatesSmallInstitutionsAndCitiesOfTooFewStandOutNot() {
        assertEquals(Map.of(), Outliers.above(Map.of("a", new Outliers.Share(40, 30), "b",
                new Outliers.Share(40, 26), "c", new Outliers.Share(40, 25))));
        assertEquals(Map.of(), Outliers.above(Map.of("a", new Outliers.Share(19, 19), "b",
                new Outliers.Share(40, 20), "c", new Outliers.Share(40, 20))));
        assertEquals(Map.of(), Outliers.above(Map.of("a", new Outliers.Share(40, 40), "b",
                new Outliers.Share(40, 20), "c", new Outliers.Share(19, 5))));
    }

    @Test
    public void rowsOfAGroupingQueryAreSharesByCityAndInstitution() {
        Map<String, Map<String, Outliers.Share>> cities = Outliers.byCity(List.of(
                new Object[] {"440100", "a", 40L, 10L}, new Object[] {"440100", "b", 20, 5},
                new Object[] {"440300", "a", 30L, 0L}));
        assertEquals(Map.of("a", new Outliers.Share(40, 10), "b", new Outliers.Share(20, 5)), cities.get("440100"));
        assertEquals(Map.of("a", new Outliers.Share(30, 0)), cities.get("440300"));
    }
}
