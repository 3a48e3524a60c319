package cn.anxun.courses;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import cn.anxun.api.media.Finding;

/**
 * A course of an institution, which is first responsible for it.
 *
 * @param duration the units' durations added up; {@code null} while a medium is still being measured
 * @param hours study hours (学时) the course holds: its duration in 45-minute hours, rounded down to hundredths
 * @param programmes the programme versions it teaches, with whether its hours fit their online hours
 * @param history every step of its review, oldest first
 */
public record Course(String id, String institutionId, String title, String description,
        List<ProgrammeFit> programmes, List<String> teachers, List<Unit> units, Duration duration, BigDecimal hours,
        Status status, Instant createdAt, Instant updatedAt, List<ReviewStep> history) {

    /** Where a course stands in its review. */
    public enum Status {
        /** Being written by its institution. */
        DRAFT,
        /** Submitted with the institution's declarations and passed the automatic checks; the operator reviews it. */
        IN_REVIEW,
        /** Sent back by the operator with reasons; the institution revises it. */
        RETURNED,
        /** Learners can study it. */
        ONLINE,
        /** Taken offline with a reason; the institution may revise it and submit it again. */
        TAKEN_DOWN;

        /** Whether its institution may change it. */
        public boolean editable() {
            return this == DRAFT || this == RETURNED || this == TAKEN_DOWN;
        }
    }

    /**
     * A programme version the course teaches.
     *
     * @param onlineHours the hours of the programme that may be studied online
     * @param fits whether the course's hours are within them; {@code null} while its duration is unknown
     */
    public record ProgrammeFit(String code, int version, String name, int onlineHours, Boolean fits) {
    }

    /**
     * One unit.
     *
     * @param position from 1
     * @param duration measured from the media for video and sound, the reading time for text; {@code null} while
     *        a medium is still being measured
     * @param checked whether every installed validator has read the unit's media
     * @param findings what the validators found in its media
     */
    public record Unit(int position, String title, UnitType type, String media, String text, List<String> pictures,
            Duration duration, boolean checked, List<Finding> findings) {
    }
}
