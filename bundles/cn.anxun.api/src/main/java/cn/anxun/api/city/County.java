package cn.anxun.api.city;

import java.util.regex.Pattern;

/**
 * A county-level division (县、县级市、市辖区) of a city.
 *
 * @param code GB/T 2260 code: six digits, not ending in {@code 00}
 * @param name Chinese name, e.g. 荔湾区
 */
public record County(String code, String name) {

    private static final Pattern COUNTY_CODE = Pattern.compile("\\d{6}");

    public County {
        if (code == null || !COUNTY_CODE.matcher(code).matches() || code.endsWith("00")) {
            throw new IllegalArgumentException("counties: '" + code
                    + "' is not a GB/T 2260 county-level code (six digits, not ending in 00)");
        }
        name = CityModule.requireText("counties: name of " + code, name);
    }
}
