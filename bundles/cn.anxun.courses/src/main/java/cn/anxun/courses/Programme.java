package cn.anxun.courses;

import java.time.Instant;

import cn.anxun.identity.PersonnelCategory;

/**
 * One version of a training programme. A revision makes a new version; earlier versions stay as they were, because
 * learners studied under them.
 *
 * @param code stable identifier across versions, e.g. {@code low-voltage-electrician}
 * @param onlineShare percent of the theory hours that may be studied online, as it applies now
 * @param onlineHours the theory hours that may be studied online: the share of them, rounded down
 */
public record Programme(String code, int version, String name, PersonnelCategory category, String industry,
        String operationType, TrainingKind kind, int theoryHours, int practicalHours, int onlineShare,
        int onlineHours, Status status, Instant since, String sinceBy) {

    /**
     * A study hour (学时): 45 minutes of credited study.
     *
     * @since 1.3
     */
    public static final long STUDY_HOUR_SECONDS = 45 * 60;

    public enum Status {
        /** The version in force. */
        CURRENT,
        /** Replaced by a later version. */
        SUPERSEDED,
        /** Taken out of use: no new course or learner may take it up. */
        RETIRED
    }
}
