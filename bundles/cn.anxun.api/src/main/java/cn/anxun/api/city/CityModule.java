package cn.anxun.api.city;

import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One prefecture-level city (地级市) of the province as its city module describes it.
 * Construction validates the GB/T 2260 shape of every code, so an instance is always well-formed.
 *
 * @param code GB/T 2260 code of the city: six digits ending in {@code 00}, not a province code
 * @param name Chinese name, e.g. 广州市
 * @param bureau the city emergency management bureau that registers training institutions, e.g. 广州市应急管理局
 * @param institutionListUrl the bureau's published list of training institutions (http or https)
 * @param counties county-level divisions (县级行政区); empty for cities without a county level (东莞, 中山)
 */
public record CityModule(String code, String name, String bureau, URI institutionListUrl, List<County> counties) {

    /** Manifest header naming the descriptor resource inside a city-module bundle. */
    public static final String DESCRIPTOR_HEADER = "Anxun-City";

    /** Name of the {@code osgi.extender} capability a descriptor-only city module requires. */
    public static final String EXTENDER = "cn.anxun.city";

    /** Service property carrying the city code of a registered {@code CityModule}. */
    public static final String CODE_PROPERTY = "anxun.city.code";

    private static final Pattern CITY_CODE = Pattern.compile("\\d{4}00");
    private static final int MAX_NAME_LENGTH = 64;

    public CityModule {
        if (code == null || !CITY_CODE.matcher(code).matches() || code.endsWith("0000")) {
            throw new IllegalArgumentException("code: '" + code
                    + "' is not a GB/T 2260 prefecture-level code (six digits ending in 00, not a province)");
        }
        name = requireText("name", name);
        bureau = requireText("bureau", bureau);
        if (institutionListUrl == null || !institutionListUrl.isAbsolute()
                || !("https".equals(institutionListUrl.getScheme()) || "http".equals(institutionListUrl.getScheme()))) {
            throw new IllegalArgumentException("institutionListUrl: '" + institutionListUrl
                    + "' is not an absolute http or https link");
        }
        counties = List.copyOf(Objects.requireNonNullElse(counties, List.of()));
        Set<String> seen = new HashSet<>();
        for (County county : counties) {
            if (!county.code().startsWith(code.substring(0, 4))) {
                throw new IllegalArgumentException("counties: " + county.code() + " " + county.name()
                        + " does not lie in city " + code + " (its code must start with " + code.substring(0, 4) + ")");
            }
            if (!seen.add(county.code())) {
                throw new IllegalArgumentException("counties: code " + county.code() + " appears twice");
            }
        }
    }

    static String requireText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + ": must not be blank");
        }
        String trimmed = value.strip();
        if (trimmed.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException(field + ": longer than " + MAX_NAME_LENGTH + " characters");
        }
        return trimmed;
    }
}
