package cn.anxun.api.media;

import java.time.Duration;

/**
 * One defect of a file.
 *
 * @param code a short stable name of the rule it breaks, e.g. {@code frame-gaps}
 * @param severity whether the file may still be used
 * @param message what is wrong and what to do, for people
 * @param offset where in the playing time it was found; {@code null} for the whole file or a picture
 * @param page the page of a document it was found on, from 1; {@code null} otherwise
 */
public record Finding(String code, Severity severity, String message, Duration offset, Integer page) {

    /** Whether a file with the finding may be used. */
    public enum Severity {
        /** The course cannot go to review until the file is replaced. */
        BLOCKING,
        /** Shown to the institution and the reviewer, who decide. */
        WARNING
    }

    public static Finding blocking(String code, String message) {
        return new Finding(code, Severity.BLOCKING, message, null, null);
    }

    public static Finding warning(String code, String message) {
        return new Finding(code, Severity.WARNING, message, null, null);
    }

    /** The same finding, found at an offset of the playing time. */
    public Finding at(Duration where) {
        return new Finding(code, severity, message, where, page);
    }
}
