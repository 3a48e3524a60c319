package cn.anxun.ledger.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EntityManager;
import javax.persistence.Id;
import javax.persistence.NamedQuery;
import javax.persistence.Table;

import cn.anxun.classes.TrainingClass;
import cn.anxun.identity.Caller;
import cn.anxun.ledger.StudySession;

/**
 * A study session and all the state its rules need, so that any node answers its next heartbeat and a restart
 * loses nothing a heartbeat was answered for. The open segment began at the last passed face check; its earned
 * time is in {@code STUDY_PIECE} until the next one passes.
 */
@Entity
@Table(name = "STUDY_SESSION")
@NamedQuery(name = SessionRecord.OPEN_OF_LEARNER, query = "SELECT s FROM SessionRecord s "
        + "WHERE s.learnerId = :learner AND s.status <> 'ENDED'")
@NamedQuery(name = SessionRecord.REPLACING, query = "SELECT s FROM SessionRecord s "
        + "WHERE s.startedAt >= :from AND s.startedAt < :until AND s.replaced IS NOT NULL")
@NamedQuery(name = SessionRecord.OF_LEARNER_DAY, query = "SELECT s.id FROM SessionRecord s "
        + "WHERE s.learnerId = :learner AND s.day = :day ORDER BY s.startedAt")
class SessionRecord {

    static final String OPEN_OF_LEARNER = "SessionRecord.openOfLearner";
    static final String REPLACING = "SessionRecord.replacing";
    static final String OF_LEARNER_DAY = "SessionRecord.ofLearnerDay";

    /** A learner's sessions of a day in China, as a flag's evidence. */
    static List<String> evidenceOfDay(EntityManager em, Object learnerId, Object day) {
        return em.createNamedQuery(OF_LEARNER_DAY, String.class).setParameter("learner", learnerId)
                .setParameter("day", day).getResultStream().map(id -> "study-session:" + id).toList();
    }

    @Id
    @Column(length = 36)
    private String id;

    @Column(length = 36, nullable = false)
    private String learnerId;

    @Column(length = 36, nullable = false)
    private String classId;

    @Column(length = 36, nullable = false)
    private String courseId;

    // where the session lies for supervision: the class's institution and city, the learner's county (else city)

    @Column(length = 64)
    private String institutionId;

    @Column(length = 6)
    private String city;

    @Column(length = 6)
    private String region;

    @Column(length = 10, nullable = false)
    private String status;

    @Column(length = 30)
    private String reason;

    private long startedAt;

    private Long endedAt;

    @Column(length = 36)
    private String replaced;

    /** The login session that started it: another one's start while it beats is another device. */
    @Column(length = 36)
    private String loginSession;

    private long lastBeatAt;

    private long lastInteractionAt;

    private Long hiddenSince;

    private Integer unit;

    private Long positionMs;

    private long segmentOpenedAt;

    @Column(length = 36)
    private String segmentOpenedBy;

    private long checkDueAt;

    private Long checkDeadline;

    private Long answerDeadline;

    private Integer checkedUnit;

    /** Why the session ends once the open segment's closing check passes: a cap was reached. */
    @Column(length = 30)
    private String endAfterCheck;

    @Column(name = "STUDY_DAY", length = 10, nullable = false)
    private String day;

    private long todaySeconds;

    private long classSeconds;

    private long classCapSeconds;

    private long pendingMs;

    /** The ledger's credit in the current unit; {@code null} until read when the session enters the unit. */
    private Long unitCreditedMs;

    protected SessionRecord() {
    }

    SessionRecord(Caller learner, String region, TrainingClass place, String courseId, Instant now, String openedBy,
            long checkDueAt, String day, long todaySeconds, long classSeconds, long classCapSeconds, String replaced) {
        this.id = UUID.randomUUID().toString();
        this.learnerId = learner.accountId();
        this.loginSession = learner.sessionId();
        this.classId = place.id();
        this.institutionId = place.institutionId();
        this.city = place.city();
        this.region = region;
        this.courseId = courseId;
        this.status = StudySession.Status.ACTIVE.name();
        this.startedAt = now.toEpochMilli();
        this.replaced = replaced;
        this.lastBeatAt = startedAt;
        this.lastInteractionAt = startedAt;
        this.segmentOpenedAt = startedAt;
        this.segmentOpenedBy = openedBy;
        this.checkDueAt = checkDueAt;
        this.day = day;
        this.todaySeconds = todaySeconds;
        this.classSeconds = classSeconds;
        this.classCapSeconds = classCapSeconds;
    }

    StudySession view() {
        return new StudySession(id, learnerId, classId, courseId, status(), reason == null ? null
                : StudySession.Reason.valueOf(reason), Instant.ofEpochMilli(startedAt),
                endedAt == null ? null : Instant.ofEpochMilli(endedAt), replaced);
    }

    String id() {
        return id;
    }

    String learnerId() {
        return learnerId;
    }

    String classId() {
        return classId;
    }

    String courseId() {
        return courseId;
    }

    StudySession.Status status() {
        return StudySession.Status.valueOf(status);
    }

    StudySession.Reason reason() {
        return reason == null ? null : StudySession.Reason.valueOf(reason);
    }

    void pause(StudySession.Reason why) {
        status = StudySession.Status.PAUSED.name();
        reason = why.name();
        checkDeadline = null;
        answerDeadline = null;
    }

    void end(StudySession.Reason why, long now) {
        status = StudySession.Status.ENDED.name();
        reason = why.name();
        endedAt = now;
        checkDeadline = null;
        answerDeadline = null;
    }

    /** Opens a new segment at a passed face check. */
    void segmentOpened(long now, String checkId, long nextCheckDue) {
        status = StudySession.Status.ACTIVE.name();
        reason = null;
        segmentOpenedAt = now;
        segmentOpenedBy = checkId;
        checkDueAt = nextCheckDue;
        checkDeadline = null;
        answerDeadline = null;
        lastBeatAt = now;
        lastInteractionAt = now;
        hiddenSince = null;
        pendingMs = 0;
        checkedUnit = unit;
    }

    long startedAt() {
        return startedAt;
    }

    String replaced() {
        return replaced;
    }

    String loginSession() {
        return loginSession;
    }

    long lastBeatAt() {
        return lastBeatAt;
    }

    void beatAt(long now) {
        lastBeatAt = now;
    }

    long lastInteractionAt() {
        return lastInteractionAt;
    }

    void interactedAt(long now) {
        lastInteractionAt = now;
    }

    Long hiddenSince() {
        return hiddenSince;
    }

    void hiddenSince(Long since) {
        hiddenSince = since;
    }

    Integer unit() {
        return unit;
    }

    Long positionMs() {
        return positionMs;
    }

    void at(Integer unit, Long positionMs) {
        this.unit = unit;
        this.positionMs = positionMs;
    }

    Long unitCreditedMs() {
        return unitCreditedMs;
    }

    void unitCreditedMs(Long ms) {
        unitCreditedMs = ms;
    }

    long segmentOpenedAt() {
        return segmentOpenedAt;
    }

    String segmentOpenedBy() {
        return segmentOpenedBy;
    }

    long checkDueAt() {
        return checkDueAt;
    }

    void checkDueAt(long at) {
        checkDueAt = at;
    }

    Long checkDeadline() {
        return checkDeadline;
    }

    void checkDeadline(Long at) {
        checkDeadline = at;
    }

    Long answerDeadline() {
        return answerDeadline;
    }

    void answerDeadline(Long at) {
        answerDeadline = at;
    }

    Integer checkedUnit() {
        return checkedUnit;
    }

    StudySession.Reason endAfterCheck() {
        return endAfterCheck == null ? null : StudySession.Reason.valueOf(endAfterCheck);
    }

    void endAfterCheck(StudySession.Reason why) {
        endAfterCheck = why == null ? null : why.name();
    }

    String day() {
        return day;
    }

    void newDay(String today, long creditedToday) {
        day = today;
        todaySeconds = creditedToday;
    }

    long todaySeconds() {
        return todaySeconds;
    }

    long classSeconds() {
        return classSeconds;
    }

    long classCapSeconds() {
        return classCapSeconds;
    }

    /** Moves the open segment's time into the totals once it is credited. */
    void credited(long seconds) {
        todaySeconds += seconds;
        classSeconds += seconds;
        pendingMs = 0;
    }

    long pendingMs() {
        return pendingMs;
    }

    void earned(long ms) {
        pendingMs += ms;
    }

    void voided() {
        pendingMs = 0;
    }
}
