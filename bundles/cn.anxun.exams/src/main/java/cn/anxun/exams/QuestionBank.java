package cn.anxun.exams;

import java.time.Instant;

/**
 * The questions of one keeper for one programme.
 *
 * @param institutionId the institution that keeps it, or {@code null} for the province's shared bank, which the
 *        operator keeps and every institution's tests may draw from
 * @param questions how many questions it has in force
 */
public record QuestionBank(String id, String institutionId, String programmeCode, int questions, Instant createdAt,
        String createdBy) {
}
