package cn.anxun.supervision;

import java.time.LocalDate;

/**
 * A finding to raise.
 *
 * @param subjectId the registration, course, class or learner it is against
 * @param text what was found, at most 2000 characters without contact details
 * @param deadline the last day of rectification: after today
 */
public record FindingDraft(Finding.Subject subject, String subjectId, String text, LocalDate deadline) {
}
