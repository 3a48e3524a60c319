package cn.anxun.courses;

import java.util.List;

/**
 * What an institution writes for a course; durations are not among it, they come from the media.
 *
 * @param programmes the codes of the programmes the course teaches; it is pinned to their versions in force
 * @param teachers the names of its teachers (主讲教师), whom learners rate
 * @param units the units in the order they are studied
 */
public record CourseDraft(String title, String description, List<String> programmes, List<String> teachers,
        List<UnitDraft> units) {

    /**
     * One unit.
     *
     * @param type {@code VIDEO}, {@code AUDIO} or {@code TEXT}
     * @param media the uploaded video or sound, for those types
     * @param text the text, for a text unit
     * @param pictures the uploaded pictures of a text unit, in order
     */
    public record UnitDraft(String title, String type, String media, String text, List<String> pictures) {
    }
}
