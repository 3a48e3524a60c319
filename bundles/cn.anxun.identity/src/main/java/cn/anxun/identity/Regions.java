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
        return isCode(region) && isCode(code) && code.startsWith(prefix(region));
    }

    /**
     * A filter's region: the code of Guangdong, one of its cities or one of their counties.
     *
     * @throws InvalidInputException naming the field otherwise
     * @since 2.1
     */
    public static String inGuangdong(String field, String code) {
        if (!covers(PROVINCE, code)) {
            throw new InvalidInputException(field, "region-code", "is the code of Guangdong (" + PROVINCE
                    + "), one of its cities or one of their counties");
        }
        return code;
    }

    /**
     * Whether the code names a city: {@code 440300}, not the province or a county.
     *
     * @since 2.0
     */
    public static boolean isCity(String code) {
        return isCode(code) && code.endsWith("00") && !code.endsWith("0000");
    }

    /**
     * The city a code lies in: a county's city, a city itself; the province for the province.
     *
     * @since 2.0
     */
    public static String cityOf(String code) {
        return isCode(code) && !code.endsWith("0000") ? code.substring(0, 4) + "00" : PROVINCE;
    }

    /** The digits every code in the region starts with: {@code 44} for 440000, {@code 4403} for 440300. */
    public static String prefix(String region) {
        return region.substring(0, region.endsWith("0000") ? 2 : region.endsWith("00") ? 4 : 6);
    }

    /** The level a region code names. */
    public static Role regulatorRole(String region) {
        return region.endsWith("0000") ? Role.PROVINCE_REGULATOR
                : region.endsWith("00") ? Role.CITY_REGULATOR : Role.COUNTY_REGULATOR;
    }
}
