package cn.anxun.api.face;

/** Why a provider says no, or cannot decide. */
public enum FaceReason {
    /** The bytes are not an image the provider can read. */
    INVALID_IMAGE,
    NO_FACE,
    MULTIPLE_FACES,
    FACE_TOO_SMALL,
    FACE_BLURRED,
    FACE_TOO_DARK,
    /** The faces are of different people, as far as the provider can tell. */
    MISMATCH,
    /**
     * The capture is a copy of the reference photo or of an earlier capture of the learner: someone replays a picture
     * instead of facing the camera.
     *
     * @since 1.1
     */
    SUSPECTED_REPLAY,
    /** The provider could not be asked: not installed, unreachable, out of quota, misconfigured. */
    PROVIDER_UNAVAILABLE
}
