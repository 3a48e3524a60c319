package cn.anxun.institutions;

import java.time.Instant;
import java.util.List;

/**
 * An institution's registration as an online training institution in one city, from its intent to the city
 * bureau's decisions.
 *
 * @param institutionName the name the institution gave in its intent
 * @param creditCode its unified social credit code, the same in every city
 * @param registrationNumber given on approval, kept for good; {@code null} before
 * @param letter the written intent (意向书) the institution submitted
 * @param offlineMatch the entry with the institution's credit code in the city's register of reported offline
 *        institutions, looked up when read; {@code null} if there is none
 * @param history every step, oldest first
 */
public record Registration(String id, String institutionId, String institutionName, String creditCode, String city,
        Status status, String registrationNumber, SubmittedDocument letter, Instant submittedAt,
        OfflineInstitution offlineMatch, List<Step> history) {

    public Registration {
        history = List.copyOf(history);
    }

    public enum Status {
        /** The intent waits for the city regulator. */
        SUBMITTED,
        REJECTED,
        /** The institution may train online in the city. */
        REGISTERED,
        SUSPENDED,
        REVOKED;

        /** Whether the institution holds this registration, or waits for it: it cannot submit another meanwhile. */
        public boolean open() {
            return this == SUBMITTED || this == REGISTERED || this == SUSPENDED;
        }
    }

    /** What happened to a registration. */
    public enum Action {
        SUBMIT, APPROVE, REJECT, SUSPEND, REINSTATE, REVOKE
    }

    /**
     * One step of the history.
     *
     * @param status the registration's status after the step
     * @param actor the account that took it
     * @param actorRole the role it acted in
     */
    public record Step(Instant at, Action action, Status status, String actor, String actorRole, String reason) {
    }
}
