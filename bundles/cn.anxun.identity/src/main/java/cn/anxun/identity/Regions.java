package cn.anxun.identity;

import java.util.regex.Pattern;

/** GB/T 2260 region codes: province {@code 440000}, city {@code 440300}, county {@code 440305}. */
public final class Regions {

    /** Guangdong. */
    public static final String PROVINCE = "440000";

    private static final Pattern CODE = Pattern.compile("\\d{6}");

    private Regions() {
    }

    public static boolean isCode(String code) {
        return code != null && CODE.matcher(code).matches();
    }

    /** Whether {@code code} lies in {@code region}: a province covers its cities and counties, a city its counties. */
    public static boolean covers(String region, String code) {
        if (!isCode(region) || !isCode(code)) {
            return false;
        }
        int significant = region.endsWith("0000") ? 2 : region.endsWith("00") ? 4 : 6;
        return code.regionMatches(0, region, 0, significant);
    }

    /** The level a region code names. */
    public static Role regulatorRole(String region) {
        return region.endsWith("0000") ? Role.PROVINCE_REGULATOR
                : region.endsWith("00") ? Role.CITY_REGULATOR : Role.COUNTY_REGULATOR;
    }
}
