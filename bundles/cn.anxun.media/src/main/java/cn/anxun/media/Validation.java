package cn.anxun.media;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import cn.anxun.api.media.Finding;

/**
 * What the installed validators found in a media file.
 *
 * @param mediaId the media
 * @param mediaType its type
 * @param state whether every installed validator that reads the type has finished with it
 * @param duration how long it plays: the longest that a validator measured, {@code null} for a picture or while none
 *        has
 * @param findings every finding of every run, with a blocking one of the platform's own when no installed
 *        validator reads the type or a validator failed
 * @param runs each validator's run
 */
public record Validation(String mediaId, String mediaType, State state, Duration duration, List<Finding> findings,
        List<Run> runs) {

    public Validation {
        findings = List.copyOf(findings);
        runs = List.copyOf(runs);
    }

    public enum State {
        /** A validator that reads the type has not finished with the file yet. */
        PENDING,
        /** Every installed validator that reads the type has finished. */
        DONE
    }

    /** Whether a finding keeps the file out of review. */
    public boolean blocking() {
        return findings.stream().anyMatch(finding -> finding.severity() == Finding.Severity.BLOCKING);
    }

    /**
     * One validator's run over the file.
     *
     * @param validator the validator's id
     * @param installed whether the validator is installed now; the findings of one that left still count
     * @param status where the run is
     * @param queuedAt when the run was asked for
     * @param finishedAt when it ended, else {@code null}
     * @param duration what it measured, or {@code null}
     * @param measures its figures
     * @param findings its findings
     */
    public record Run(String validator, boolean installed, Status status, Instant queuedAt, Instant finishedAt,
            Duration duration, Map<String, String> measures, List<Finding> findings) {

        /**
         * Where a run is. {@code PARKED}: it was started {@code validationAttempts} times without finishing (time
         * limit, an error such as running out of memory, or a restart in the middle); its finding says why, and it
         * stays parked until someone validates the file again.
         */
        public enum Status { QUEUED, RUNNING, DONE, FAILED, PARKED }
    }

    /**
     * A run parked after its last attempt.
     *
     * @param mediaId the file
     * @param validator the validator that did not finish on it
     * @param since when it was parked
     * @param reason why, as its finding says
     */
    public record Parked(String mediaId, String validator, Instant since, String reason) {
    }
}
