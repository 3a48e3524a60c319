package cn.anxun.api.media;

import java.io.IOException;
import java.util.Set;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Checks media files against the quality rules of 粤应急规〔2022〕3号 Art. 21. A validator runs on a background
 * thread and may take a while on a long video; it stops early when the thread is interrupted (the platform
 * stopping, or the validator's bundle leaving).
 */
@ConsumerType
public interface MediaValidator {

    /** Stable identifier, kept with each result, e.g. {@code mp4}. */
    String id();

    /** What the validator checks, for people. */
    String label();

    /**
     * The types this validator reads: exact ({@code video/mp4}) or a whole kind ({@code image/*}). A file of a type
     * it handles but cannot decode (another codec in the same container) gets a blocking finding, not an exception.
     */
    Set<String> mediaTypes();

    /**
     * Reads the file and reports.
     *
     * @throws IOException when the file cannot be read at all; the platform records that as a blocking finding
     */
    MediaReport validate(MediaFile file) throws IOException;
}
