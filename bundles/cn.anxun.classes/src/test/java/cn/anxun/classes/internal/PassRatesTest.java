package cn.anxun.classes.internal;

import static org.junit.Assert.assertEquals;

import java.util.Map;

import org.junit.Test;

public class PassRatesTest {

    @Test
    public void anInstitutionPassingFarMoreThanTheOthersOfItsCityStandsOut() {
        Map<String, Double> outlying = PassRates.outlying(Map.of("a", new PassRates.Rate(40, 40),
                "b", new PassRates.Rate(50, 30), "c", new PassRates.Rate(20, 13), "d", new PassRates.Rate(30, 18)));
        assertEquals(1, outlying.size());
        // the mean of b, c and d
        assertEquals(0.6167, outlying.get("a"), 0.0001);
    }

    @Test
    public void closeRatesSmallInstitutionsAndCitiesOfTooFewStandOutNot() {
        assertEquals(Map.of(), PassRates.outlying(Map.of("a", new PassRates.Rate(40, 30), "b",
                new PassRates.Rate(40, 26), "c", new PassRates.Rate(40, 25))));
        assertEquals(Map.of(), PassRates.outlying(Map.of("a", new PassRates.Rate(19, 19), "b",
                new PassRates.Rate(40, 20), "c", new PassRates.Rate(40, 20))));
        assertEquals(Map.of(), PassRates.outlying(Map.of("a", new PassRates.Rate(40, 40), "b",
                new PassRates.Rate(40, 20), "c", new PassRates.Rate(19, 5))));
    }
}
