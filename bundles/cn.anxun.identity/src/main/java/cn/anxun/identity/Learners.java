package cn.anxun.identity;

import org.osgi.annotation.versioning.ProviderType;

/** Learner accounts: real-name registration and who may see what of them. */
@ProviderType
public interface Learners {

    /**
     * Registers a learner. Everything is checked before anything is stored; a rejected registration leaves no trace.
     *
     * @throws InvalidInputException listing every broken rule
     * @throws ConflictException if the ID number is registered already
     */
    Learner register(Caller caller, LearnerRegistration registration);

    /** One learner, ID number masked, if the caller may see them. */
    Learner get(Caller caller, String learnerId);

    /** The learners the caller may see: a regulator's region, an institution's own, everything for the operator. */
    Page<Learner> list(Caller caller, int offset, int limit);

    /** The unmasked identity; audited. */
    PersonalData personalData(Caller caller, String learnerId);

    /** The reference face photo; audited. */
    FacePhoto facePhoto(Caller caller, String learnerId);

    /** A new password for a learner, by the operator or an administrator of the learner's institution; ends the learner's sessions. */
    OneTimePassword resetPassword(Caller caller, String learnerId);
}
