package cn.anxun.identity;

import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Judges a reference face photo before it is stored: it must show exactly one face, usable for comparison. The face
 * service provides it, with the face provider configured for the learner's city.
 */
@ConsumerType
public interface ReferencePhotoCheck {

    /**
     * @param field how the photo is named in the request, for the violation
     * @param city the learner's city, which may have a face provider of its own
     * @return the rule the photo breaks, if any
     * @throws ServiceUnavailableException if no face provider can judge it at the moment
     */
    Optional<Violation> check(String field, byte[] photo, String city);
}
