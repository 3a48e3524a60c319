package cn.anxun.face;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

import cn.anxun.identity.Caller;
import cn.anxun.identity.FacePhoto;

/** Face checks of learners: taken by the learner, read by the learner and those who supervise them. */
@ProviderType
public interface FaceChecks {

    /**
     * Compares the learner's live capture with their reference photo. A provider that cannot be asked makes the
     * check undecided with the reason {@code PROVIDER_UNAVAILABLE}, never an error. Every check is recorded and its
     * capture sealed for the configured retention period.
     *
     * @throws cn.anxun.identity.InvalidInputException if the capture is not a usable JPEG or PNG
     */
    FaceCheck check(Caller caller, String learnerId, byte[] capture, FaceCheck.Purpose purpose);

    /** The learner's checks, newest first. */
    List<FaceCheck> ofLearner(Caller caller, String learnerId);

    /** The capture of a check while it is kept; audited. */
    FacePhoto capture(Caller caller, String checkId);
}
