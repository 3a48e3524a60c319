package cn.anxun.exams.internal;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.persistence.Column;
import javax.persistence.EntityManager;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.NamedQuery;
import javax.persistence.Table;

import cn.anxun.exams.Difficulty;
import cn.anxun.exams.Question;
import cn.anxun.exams.QuestionType;
import cn.anxun.platform.persistence.KeyBatches;

/**
 * One version of a question, never changed but for {@code endedAt}: when a revision or a retirement took it out of
 * force. Its options are one column, a line each (an option is one line).
 */
@Entity
@Table(name = "QUESTION")
@NamedQuery(name = QuestionRecord.VERSIONS, query = "SELECT q FROM QuestionRecord q "
        + "WHERE q.bankId = :bank AND q.code = :code ORDER BY q.version DESC")
@NamedQuery(name = QuestionRecord.IN_FORCE_OF_BANKS, query = "SELECT q FROM QuestionRecord q "
        + "WHERE q.bankId IN :banks AND q.endedAt IS NULL ORDER BY q.code, q.bankId")
@NamedQuery(name = QuestionRecord.BY_IDS, query = "SELECT q FROM QuestionRecord q WHERE q.id IN :ids")
@NamedQuery(name = QuestionRecord.LATEST_VERSIONS, query = "SELECT q.code, MAX(q.version) FROM QuestionRecord q "
        + "WHERE q.bankId = :bank GROUP BY q.code")
class QuestionRecord {

    static final String VERSIONS = "QuestionRecord.versions";
    static final String LATEST_VERSIONS = "QuestionRecord.latestVersions";
    static final String IN_FORCE_OF_BANKS = "QuestionRecord.inForceOfBanks";
    static final String BY_IDS = "QuestionRecord.byIds";

    @Id
    @Column(length = 36)
    private String id;

    @Column(length = 36, nullable = false)
    private String bankId;

    @Column(length = 32, nullable = false)
    private String code;

    private int version;

    @Column(length = 16, nullable = false)
    private String type;

    @Column(length = QuestionSheet.MAX_TEXT, nullable = false)
    private String text;

    @Column(length = (QuestionSheet.MAX_OPTION + 1) * QuestionSheet.MAX_OPTIONS, nullable = false)
    private String options;

    @Column(length = 8, nullable = false)
    private String answer;

    @Column(length = QuestionSheet.MAX_TEXT)
    private String explanation;

    @Column(length = QuestionSheet.MAX_KNOWLEDGE_POINT)
    private String knowledgePoint;

    @Column(length = 8, nullable = false)
    private String difficulty;

    private long addedAt;

    @Column(length = 64, nullable = false)
    private String addedBy;

    private Long endedAt;

    protected QuestionRecord() {
    }

    QuestionRecord(String bankId, String code, int version, QuestionEntry entry, Instant addedAt, String addedBy) {
        this.id = UUID.randomUUID().toString();
        this.bankId = bankId;
        this.code = code;
        this.version = version;
        this.type = entry.type().name();
        this.text = entry.text();
        this.options = String.join("\n", entry.options());
        this.answer = entry.answer();
        this.explanation = entry.explanation();
        this.knowledgePoint = entry.knowledgePoint();
        this.difficulty = entry.difficulty().name();
        this.addedAt = addedAt.toEpochMilli();
        this.addedBy = addedBy;
    }

    /** The questions in force of the banks, by code. */
    static List<QuestionRecord> inForce(EntityManager em, List<String> bankIds) {
        if (bankIds.isEmpty()) {
            return List.of();
        }
        return em.createNamedQuery(IN_FORCE_OF_BANKS, QuestionRecord.class).setParameter("banks", bankIds)
                .getResultList();
    }

    /** The same, as questions. */
    static List<Question> viewsInForce(EntityManager em, List<String> bankIds) {
        return inForce(em, bankIds).stream().map(QuestionRecord::view).toList();
    }

    /** Versions by their ids, in force or not. */
    static Map<String, Question> versions(EntityManager em, List<String> ids) {
        return KeyBatches.read(ids, batch -> em.createNamedQuery(BY_IDS, QuestionRecord.class)
                .setParameter("ids", batch).getResultList()).stream().map(QuestionRecord::view)
                .collect(Collectors.toMap(Question::id, Function.identity()));
    }

    /** A version, in force or not. */
    static Question version(EntityManager em, String id) {
        return em.find(QuestionRecord.class, id).view();
    }

    String code() {
        return code;
    }

    /** Whether the entry says what this version says. */
    boolean says(QuestionEntry entry) {
        return type.equals(entry.type().name()) && text.equals(entry.text())
                && options.equals(String.join("\n", entry.options())) && answer.equals(entry.answer())
                && Objects.equals(explanation, entry.explanation())
                && Objects.equals(knowledgePoint, entry.knowledgePoint())
                && difficulty.equals(entry.difficulty().name());
    }

    boolean inForce() {
        return endedAt == null;
    }

    void end(Instant at) {
        endedAt = at.toEpochMilli();
    }

    Question view() {
        List<String> choices = Arrays.asList(options.split("\n"));
        return new Question(id, bankId, code, version, QuestionType.valueOf(type), text, choices, answer, explanation,
                knowledgePoint, Difficulty.valueOf(difficulty), endedAt == null, Instant.ofEpochMilli(addedAt),
                addedBy);
    }
}
