package cn.anxun.exams.internal;

import javax.persistence.Column;
import javax.persistence.Embeddable;

import cn.anxun.exams.Difficulty;
import cn.anxun.exams.ExamSection;
import cn.anxun.exams.QuestionType;

/** A section of a test's blueprint, a row of {@code EXAM_SECTION}. */
@Embeddable
class SectionRecord {

    @Column(length = 16, nullable = false)
    private String type;

    @Column(length = QuestionSheet.MAX_KNOWLEDGE_POINT)
    private String knowledgePoint;

    @Column(length = 8)
    private String difficulty;

    private int questions;

    private int points;

    protected SectionRecord() {
    }

    SectionRecord(ExamSection section) {
        this.type = section.type().name();
        this.knowledgePoint = section.knowledgePoint();
        this.difficulty = section.difficulty() == null ? null : section.difficulty().name();
        this.questions = section.count();
        this.points = section.points();
    }

    ExamSection view() {
        return new ExamSection(QuestionType.valueOf(type), knowledgePoint, difficulty == null ? null
                : Difficulty.valueOf(difficulty), questions, points);
    }
}
