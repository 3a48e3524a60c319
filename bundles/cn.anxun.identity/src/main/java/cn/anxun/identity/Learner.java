package cn.anxun.identity;

import java.time.Instant;

/**
 * A learner as others see them. The ID number is masked and the birth date left out: with both, the masked
 * number would be all but complete.
 *
 * @param idNumber masked, e.g. {@code 44************123X}
 * @param verifiedBy the identity verifier that vouched for the learner at registration
 * @param verificationLevel how strongly it vouched, e.g. {@code format}
 * @param lockedUntil while the account is locked after failed logins
 * @param disabledAt when the account was disabled, its ID number given back to its true holder
 * @param disabledReason why, as the operator recorded it
 * @param anonymisedAt when the learner's archive outlived its retention: name and ID number are then gone
 *        ({@link #ANONYMISED} and {@code null}), and so is the face photo
 */
public record Learner(String id, String name, String idNumber, IdNumber.Sex sex, Employer employer, String city,
        String county, PersonnelCategory category, String operationType, String jobTitle, String institutionId,
        String verifiedBy, String verificationLevel, Instant registeredAt, Instant lockedUntil,
        Instant disabledAt, String disabledReason, Instant anonymisedAt) {

    /** The name an anonymised learner is shown under. */
    public static final String ANONYMISED = "（已匿名）";
}
