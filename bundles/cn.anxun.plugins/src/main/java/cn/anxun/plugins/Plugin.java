package cn.anxun.plugins;

/**
 * A plugin of the distribution: the Karaf feature of a city module, a face provider, a course-format validator or
 * a staff sign-on.
 *
 * @param feature the feature's name, e.g. {@code anxun-city-shantou}
 * @param kind what the plugin is
 * @param description the feature's description
 * @param desired what the operator decided for every node, or null while the distribution decides (no decision yet)
 * @param installed whether it is installed on the node that answers
 * @param byItself whether it is installed in its own right there, not only as part of another feature such as the
 *        province-wide {@code anxun-cities-guangdong}
 */
public record Plugin(String feature, Kind kind, String description, Desired desired, boolean installed,
        boolean byItself) {

    /** What a plugin is, by the start of its feature's name. */
    public enum Kind {
        CITY_MODULE("anxun-city-"), FACE_PROVIDER("anxun-face-"), COURSE_FORMAT_VALIDATOR("anxun-validator-"),
        STAFF_SIGN_ON("anxun-signon-");

        private final String prefix;

        Kind(String prefix) {
            this.prefix = prefix;
        }

        /** The kind of the feature of that name, or null if it is no plugin. */
        public static Kind of(String feature) {
            for (Kind kind : values()) {
                if (feature.startsWith(kind.prefix)) {
                    return kind;
                }
            }
            return null;
        }
    }

    /** What the operator decided for a plugin. */
    public enum Desired { INSTALLED, REMOVED }
}
