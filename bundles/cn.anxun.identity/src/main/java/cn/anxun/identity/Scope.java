package cn.anxun.identity;

import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The record an access decision is about, as the policy sees it: its kind, the audit target that names it, the
 * accounts it is about, the institutions it belongs to and the regions it lies in.
 *
 * @param kind what kind of record it is
 * @param target how audit rows name it, e.g. {@code learner:7f3c…}
 * @param subjects the accounts it is about: the learner, the learners of a class
 * @param institutions the institutions it belongs to
 * @param regions the GB/T 2260 codes of the regions it lies in; the first in order goes into audit rows
 * @param published whether it is published to every account of a role that may read published records
 * @since 2.0
 */
public record Scope(RecordKind kind, String target, Set<String> subjects, Set<String> institutions,
        Set<String> regions, boolean published) {

    public Scope {
        Objects.requireNonNull(kind, "kind");
        subjects = Set.copyOf(subjects);
        institutions = Set.copyOf(institutions);
        regions = Set.copyOf(regions);
    }

    /** A record about one learner, who trains with the institution and lives in the region (county, else city). */
    public static Scope learner(RecordKind kind, String learnerId, String institutionId, String region) {
        return new Scope(kind, "learner:" + learnerId, Set.of(learnerId), optional(institutionId), optional(region),
                false);
    }

    /**
     * A record of an institution, which lies in the cities it is registered in; an institution registered nowhere is
     * the province's.
     */
    public static Scope institution(RecordKind kind, String id, String institutionId, Collection<String> cities) {
        return new Scope(kind, kind.label() + ":" + id, Set.of(), optional(institutionId),
                cities.isEmpty() ? Set.of(Regions.PROVINCE) : Set.copyOf(cities), false);
    }

    /** A record of a region as a whole, e.g. a city's register. */
    public static Scope region(RecordKind kind, String code) {
        return new Scope(kind, kind.label() + ":" + code, Set.of(), Set.of(), optional(code), false);
    }

    /** A record of the platform, bound to no one: only grants on any record reach it. */
    public static Scope platform(RecordKind kind, String id) {
        return new Scope(kind, id == null ? null : kind.label() + ":" + id, Set.of(), Set.of(), Set.of(), false);
    }

    /** A staff account, which is about its holder only. */
    public static Scope staff(String accountId) {
        return new Scope(RecordKind.STAFF_ACCOUNT, "staff:" + accountId, Set.of(accountId), Set.of(), Set.of(), false);
    }

    /** The same record, about these accounts as well, e.g. the learners enrolled in a class. */
    public Scope about(Collection<String> accounts) {
        Set<String> all = new TreeSet<>(subjects);
        all.addAll(accounts);
        return new Scope(kind, target, all, institutions, regions, published);
    }

    /** The same record, published or not. */
    public Scope published(boolean isPublished) {
        return new Scope(kind, target, subjects, institutions, regions, isPublished);
    }

    /** The region audit rows name: the first one the record lies in, or {@code null}. */
    public String region() {
        return regions.stream().sorted().findFirst().orElse(null);
    }

    private static Set<String> optional(String value) {
        return value == null ? Set.of() : Set.of(value);
    }
}
