package cn.anxun.exams.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import javax.persistence.Column;
import javax.persistence.EntityManager;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.NamedQuery;
import javax.persistence.Table;

import cn.anxun.exams.QuestionBank;

/** A bank; its keeper is an institution's id or {@link #PROVINCE}. */
@Entity
@Table(name = "QUESTION_BANK")
@NamedQuery(name = QuestionBankRecord.OF_KEEPERS, query = "SELECT b FROM QuestionBankRecord b "
        + "WHERE b.keeper IN :keepers ORDER BY b.programmeCode, b.keeper")
@NamedQuery(name = QuestionBankRecord.OF_KEEPER_FOR, query = "SELECT b FROM QuestionBankRecord b "
        + "WHERE b.keeper = :keeper AND b.programmeCode = :programme")
class QuestionBankRecord {

    static final String PROVINCE = "province";
    static final String OF_KEEPERS = "QuestionBankRecord.ofKeepers";
    static final String OF_KEEPER_FOR = "QuestionBankRecord.ofKeeperFor";

    @Id
    @Column(length = 36)
    private String id;

    @Column(length = 64, nullable = false)
    private String keeper;

    @Column(length = 64, nullable = false)
    private String programmeCode;

    /** How many questions are in force. */
    private int questions;

    /** The number in the code given to the next question that comes without one. */
    private int nextCode;

    private long createdAt;

    @Column(length = 64, nullable = false)
    private String createdBy;

    protected QuestionBankRecord() {
    }

    QuestionBankRecord(String keeper, String programmeCode, Instant createdAt, String createdBy) {
        this.id = UUID.randomUUID().toString();
        this.keeper = keeper;
        this.programmeCode = programmeCode;
        this.nextCode = 1;
        this.createdAt = createdAt.toEpochMilli();
        this.createdBy = createdBy;
    }

    /** The banks a class's test draws from: its institution's and the province's for its programme. */
    static List<String> forClass(EntityManager em, String institutionId, String programmeCode) {
        return em.createNamedQuery(OF_KEEPERS, QuestionBankRecord.class).setParameter("keepers", List.of(
                institutionId, PROVINCE)).getResultList().stream().filter(bank -> bank.programmeCode.equals(
                        programmeCode)).map(QuestionBankRecord::id).toList();
    }

    String id() {
        return id;
    }

    String keeper() {
        return keeper;
    }

    /** The institution that keeps the bank, or {@code null} for the province's. */
    String institutionId() {
        return PROVINCE.equals(keeper) ? null : keeper;
    }

    /** A code for a question that came without one: Q00001, Q00002, … */
    String nextCode() {
        return String.format("Q%05d", nextCode++);
    }

    void count(int change) {
        questions += change;
    }

    QuestionBank view() {
        return new QuestionBank(id, institutionId(), programmeCode, questions, Instant.ofEpochMilli(createdAt),
                createdBy);
    }
}
