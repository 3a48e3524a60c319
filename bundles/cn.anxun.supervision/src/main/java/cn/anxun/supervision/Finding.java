package cn.anxun.supervision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A regulator's finding against a record of their region, and its rectification (整改): the institution
 * answers by the deadline, the regulator closes it, asks again or escalates it, and may sanction the institution's
 * registration citing it.
 *
 * @param subjectId the id of the record found against
 * @param institutionId the institution that must rectify: the subject's
 * @param region where it was raised; its regulators and those above them read it
 * @param decidedIn whose regulators decide it now: where it was raised, or above after an escalation
 * @param text what was found
 * @param deadline the last day of rectification, China time
 * @param overdue open, and its deadline has passed
 * @param history every step, the first the raising
 */
public record Finding(String id, Subject subject, String subjectId, String institutionId, String region,
        String decidedIn, Status status, String text, LocalDate deadline, boolean overdue, Instant raisedAt,
        List<Step> history) {

    /** What a finding is against. */
    public enum Subject {
        /** An institution's registration with a city (备案). */
        REGISTRATION,
        /** A course. */
        COURSE,
        /** A training class. */
        CLASS,
        /** A learner's records: registration, study, tests, certificates. */
        LEARNER
    }

    /** Where a finding stands. */
    public enum Status {
        /** Waiting for the institution's rectification. */
        OPEN,
        /** Rectified by the institution's account; waiting for the regulator. */
        ANSWERED,
        /** Settled by the regulator. */
        CLOSED
    }

    /** What a step did. */
    public enum Action {
        RAISE, ANSWER, REOPEN, ESCALATE, SUSPEND, REVOKE, CLOSE
    }

    /**
     * One step of the history.
     *
     * @param deadline the deadline it set, if any
     * @param registration the registration it sanctioned, if any
     */
    public record Step(Instant at, Action action, Status status, String actor, String actorRole, String text,
            LocalDate deadline, String registration) {
    }
}
