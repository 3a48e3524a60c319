package cn.anxun.media;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import cn.anxun.identity.Caller;

/**
 * The runs of the installed course-format validators over stored media. Every validator that reads a file's type
 * runs on it in the background when the file is stored, and on every stored file when the validator is installed.
 */
public interface MediaValidations {

    /** For those who may read the media. */
    Validation of(Caller caller, String mediaId);

    /** For a service that checked the caller's access itself. */
    Validation of(String mediaId);

    /**
     * For a service that checked the caller's access itself: the validations of many files, read with the same few
     * queries whatever their number, by media ID.
     *
     * @since 1.2
     */
    Map<String, Validation> of(Collection<String> mediaIds);

    /** Runs every installed validator that reads the file's type again, e.g. after a validator was updated. */
    Validation revalidate(Caller caller, String mediaId);

    /**
     * The runs that were parked after their last attempt, oldest first, for the operator.
     *
     * @since 1.1
     */
    List<Validation.Parked> parked(Caller caller);
}
