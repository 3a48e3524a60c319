package cn.anxun.api.face;

import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Finds and compares faces. Images are JPEG or PNG bytes as a camera or an upload gives them. A provider answers
 * every question, even when it cannot decide: a problem with the image or with the provider itself is a
 * {@link FaceReason} in the answer, not an exception.
 */
@ConsumerType
public interface FaceProvider {

    /** Stable identifier an operator puts in the configuration, e.g. {@code opencv}. */
    String id();

    /** What the provider is, for people, e.g. "OpenCV YuNet + SFace (embedded)". */
    String label();

    /** The score at and above which two faces are taken for one person, unless the configuration says otherwise. */
    double defaultThreshold();

    /** The faces in an image, largest first, each with its quality. */
    FaceDetection detect(byte[] image);

    /**
     * Compares the one face of a reference photo with the one face of a live capture.
     *
     * @param threshold the score at and above which the answer is {@link FaceComparison.Decision#MATCH}, on this
     *        provider's scale
     */
    FaceComparison compare(byte[] reference, byte[] live, double threshold);

    /**
     * The template of the one usable face of an image, for a provider that compares templates; a provider that
     * compares images only answers empty, and the platform calls {@link #compare} instead.
     *
     * @since 1.1
     */
    default Optional<FaceTemplate> template(byte[] image) {
        return Optional.empty();
    }

    /**
     * How alike two faces are, from their templates of this provider's model, on the scale of {@link #compare}.
     *
     * @since 1.1
     */
    default double similarity(FaceTemplate a, FaceTemplate b) {
        throw new UnsupportedOperationException(id() + " compares images, not templates");
    }
}
