package cn.anxun.courses;

import java.time.Instant;
import java.util.Map;

/**
 * One step in a course's review history; steps are never changed.
 *
 * @param action what was done
 * @param at when
 * @param by the user name of who did it
 * @param role the role they did it in
 * @param reason the reason or the finding, in their words
 * @param aspects the reviewer's verdict on each aspect, for {@code APPROVE} and {@code RETURN}
 * @param declarations what the institution declared, for {@code SUBMIT}
 */
public record ReviewStep(Action action, Instant at, String by, String role, String reason,
        Map<Aspect, Verdict> aspects, Declarations declarations) {

    public enum Action {
        /** The institution submits the course for review. */
        SUBMIT,
        /** The operator puts it online. */
        APPROVE,
        /** The operator sends it back. */
        RETURN,
        /** A city or county regulator checks it and records what they found; its status stays. */
        SPOT_CHECK,
        /** The institution, the operator or a regulator takes it offline. */
        TAKE_DOWN,
        /** The institution changes a returned or taken-down course; it is a draft again. */
        REVISE
    }

    /** What the operator reviews (粤应急规〔2022〕3号 Art. 17). */
    public enum Aspect { CONTENT, FORM, IDEOLOGY, FORMAT, QUALITY, COPYRIGHT }

    /**
     * The verdict on one aspect.
     *
     * @param passed whether the course meets it
     * @param note why, required when it does not
     */
    public record Verdict(boolean passed, String note) {
    }

    /**
     * What an institution declares when it submits a course: it is first responsible for it (Art. 17).
     *
     * @param content that the content is lawful, accurate and follows the programme
     * @param copyright that it holds the rights to every part of the course
     * @param copyrightHolder who holds them
     */
    public record Declarations(Boolean content, Boolean copyright, String copyrightHolder) {
    }
}
