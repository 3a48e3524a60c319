package cn.anxun.identity;

import java.time.Instant;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/** Learner accounts: real-name registration and who may see what of them. */
@ProviderType
public interface Learners {

    /**
     * Registers a learner. Everything is checked before anything is stored; a rejected registration leaves no trace.
     *
     * @throws InvalidInputException listing every broken rule
     * @throws ConflictException if the ID number is registered already
     * @throws TooManyRequestsException if the caller's address has attempted too many registrations lately
     */
    Learner register(Caller caller, LearnerRegistration registration);

    /** One learner, ID number masked, if the caller may see them. */
    Learner get(Caller caller, String learnerId);

    /** The learners the caller may see: a regulator's region, an institution's own, everything for the operator. */
    Page<Learner> list(Caller caller, int offset, int limit);

    /**
     * The learners of that name the caller may see, found through a keyed hash of the name (width, the form of the
     * middle dot and spaces do not matter); the search is audited, the name it was for is not.
     */
    Page<Learner> findByName(Caller caller, String name, int offset, int limit);

    /** The unmasked identity; audited. */
    PersonalData personalData(Caller caller, String learnerId);

    /** The reference face photo; audited. */
    FacePhoto facePhoto(Caller caller, String learnerId);

    /**
     * The learner's own reference photo, for a face check the learner takes; not audited, since the face service
     * records every check.
     */
    FacePhoto referencePhotoForCheck(Caller caller, String learnerId);

    /**
     * A record of the kind about the learner, for the access policy: the learner, the institution they train with
     * and their region (county, else city).
     *
     * @throws NotFoundException if there is no such learner
     * @since 2.0
     */
    Scope scope(RecordKind kind, String learnerId);

    /**
     * Replaces the reference photo (re-enrolment), by the operator or an administrator of the learner's institution;
     * the photo must pass the same checks as at registration; audited. Earlier photos are kept.
     */
    void replaceFacePhoto(Caller caller, String learnerId, byte[] photo);

    /** A new password for a learner, by the operator or an administrator of the learner's institution; ends the learner's sessions. */
    OneTimePassword resetPassword(Caller caller, String learnerId);

    /**
     * Gives a squatted ID number back to its holder, by the operator once the holder has proved their identity in
     * person: the account that took the number is disabled, its sessions end and the number is free to register
     * again. The account's records stay, with its sealed ID number, for whoever investigates; audited.
     */
    Learner releaseIdNumber(Caller caller, String learnerId, String reason);

    /**
     * Learners registered before {@code before} and not anonymised, ID numbers masked, by id after {@code afterId}
     * (or from the first when {@code null}): the archive's retention pages through them. No API answers with this.
     *
     * @since 1.7
     */
    List<Learner> registeredBefore(Instant before, String afterId, int limit);

    /**
     * Erases the learner's name, ID number, employer and face photos once their archive has outlived its retention;
     * the account is disabled and its sessions end, the ID number is free to register again, and sex, region,
     * category and dates stay for statistics. Only the archive's retention calls this; audited. Anonymising again
     * changes nothing.
     *
     * @since 1.7
     */
    Learner anonymise(String learnerId);

    /**
     * The keyed hash of an ID number, for a bundle that keeps ID numbers sealed and must find them again, and
     * whether a learner is registered with it. No API answers with this.
     *
     * @since 1.7
     */
    IdNumberLookup lookUp(String idNumber);
}
