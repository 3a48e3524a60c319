package cn.anxun.identity.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import cn.anxun.identity.FreeText;
import cn.anxun.identity.InvalidInputException;
import cn.anxun.identity.Regions;
import cn.anxun.identity.Role;
import cn.anxun.identity.StaffGrant;
import cn.anxun.identity.Violation;

/** Collects every rule a request breaks, so that the caller hears of all of them at once. */
final class Checks {

    /** Han characters, with the middle dot between the parts of minority names (买买提·艾力). */
    private static final Pattern CHINESE_NAME = Pattern.compile("\\p{IsHan}+(?:·\\p{IsHan}+)*");
    /** Starts with a letter, so that no phone or QQ number passes for an identifier. */
    private static final Pattern ID = Pattern.compile("[A-Za-z][A-Za-z0-9-]{0,39}");
    private static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9._-]{2,31}");

    private final List<Violation> violations = new ArrayList<>();

    /** Ends the request if a rule was broken. */
    void throwIfBroken() {
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
    }

    void add(Optional<Violation> violation) {
        violation.ifPresent(violations::add);
    }

    void add(String field, String rule, String message) {
        violations.add(new Violation(field, rule, message));
    }

    boolean required(String field, Object value) {
        if (value == null || value instanceof String text && text.isBlank()) {
            add(field, "required", "is required");
            return false;
        }
        return true;
    }

    /**
     * A real name: Han characters and the middle dot of minority names, 2 to 30 characters. Look-alike dots
     * (•, ・, ．) are folded to · by {@link #foldName}.
     */
    void chineseName(String field, String value) {
        if (!required(field, value)) {
            return;
        }
        if (value.length() < 2 || value.length() > 30) {
            add(field, "name-length", "must be 2 to 30 characters long");
        } else if (!CHINESE_NAME.matcher(value).matches()) {
            add(field, "chinese-name", "must be Chinese characters as on the ID card, with · between the parts "
                    + "of a minority name (e.g. 买买提·艾力)");
        }
    }

    static String foldName(String value) {
        return value == null ? null : value.strip().replaceAll("[•・．.]", "·");
    }

    /** Free text of at most {@code max} characters that carries no contact details. */
    void freeText(String field, String value, int max, boolean required) {
        FreeText.check(violations, field, value, max, required);
    }

    /** An identifier of another record: letters, digits and '-', starting with a letter. */
    void identifier(String field, String value) {
        if (value != null && !ID.matcher(value).matches()) {
            add(field, "identifier", "must be 1 to 40 letters, digits or '-', starting with a letter");
        }
    }

    /** A staff user name: 3 to 32 lower-case letters, digits, '.', '-' or '_', starting with a letter. */
    void username(String field, String value) {
        if (required(field, value) && !isUsername(value)) {
            add(field, "username", "must be 3 to 32 lower-case letters, digits, '.', '-' or '_', starting with a letter");
        }
    }

    static boolean isUsername(String value) {
        return USERNAME.matcher(value).matches();
    }

    /**
     * Roles and the bindings they need: regulators a region of their level in Guangdong, institution staff an
     * institution.
     */
    void grant(StaffGrant grant) {
        if (!required("grant", grant) || !required("grant.roles", grant.roles())) {
            return;
        }
        if (grant.roles().isEmpty() || grant.roles().contains(Role.LEARNER)) {
            add("grant.roles", "staff-roles", "must name one or more staff roles (LEARNER is not one)");
        }
        if (grant.roles().contains(Role.FEED_READER) && grant.roles().size() > 1) {
            add("grant.roles", "client-alone", "FEED_READER is the role of a supervision platform's program, "
                    + "held alone");
        }
        List<Role> regional = grant.roles().stream().filter(r -> r.binding() == Role.Binding.REGION).toList();
        if (regional.size() > 1) {
            add("grant.roles", "one-region", "may hold only one regulator role");
        } else if (regional.size() == 1) {
            String region = grant.regionCode();
            if (!Regions.isCode(region) || !Regions.covers(Regions.PROVINCE, region)) {
                add("grant.regionCode", "guangdong-region", "must be a GB/T 2260 code in Guangdong (44xxxx)");
            } else if (regional.get(0) != Role.FEED_READER && Regions.regulatorRole(region) != regional.get(0)) {
                add("grant.regionCode", "region-level", "must be a region of the level of " + regional.get(0)
                        + ": 440000 for the province, 44xx00 for a city, another 44xxxx for a county");
            }
        } else if (grant.regionCode() != null) {
            add("grant.regionCode", "not-applicable", "is only given with a regulator role");
        }
        boolean institutional = grant.roles().stream().anyMatch(r -> r.binding() == Role.Binding.INSTITUTION);
        if (institutional) {
            if (required("grant.institutionId", grant.institutionId())) {
                identifier("grant.institutionId", grant.institutionId());
            }
        } else if (grant.institutionId() != null) {
            add("grant.institutionId", "not-applicable", "is only given with an institution role");
        }
    }
}
