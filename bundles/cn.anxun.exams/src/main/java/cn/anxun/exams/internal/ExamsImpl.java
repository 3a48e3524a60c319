package cn.anxun.exams.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

import cn.anxun.classes.Classes;
import cn.anxun.classes.TrainingClass;
import cn.anxun.exams.AnswerSaved;
import cn.anxun.exams.Exam;
import cn.anxun.exams.ExamAttempt;
import cn.anxun.exams.ExamAttempt.Status;
import cn.anxun.exams.ExamDraft;
import cn.anxun.exams.ExamStatistics;
import cn.anxun.exams.Exams;
import cn.anxun.exams.Question;
import cn.anxun.face.FaceCheck;
import cn.anxun.face.FaceChecks;
import cn.anxun.identity.AccessPolicy;
import cn.anxun.identity.AuditLog;
import cn.anxun.identity.Caller;
import cn.anxun.identity.ConflictException;
import cn.anxun.identity.InvalidInputException;
import cn.anxun.identity.NotFoundException;
import cn.anxun.identity.Operation;
import cn.anxun.identity.RecordKind;
import cn.anxun.ledger.Ledger;
import cn.anxun.ledger.Progress;
import cn.anxun.platform.persistence.DatabaseFailure;
import cn.anxun.platform.persistence.KeyBatches;

/** Tests in {@code EXAM}, attempts in {@code EXAM_ATTEMPT} with their questions in {@code ATTEMPT_QUESTION}. */
@Component(service = Exams.class, configurationPid = ExamsConfig.PID)
@Designate(ocd = ExamsConfig.class)
public class ExamsImpl implements Exams {

    /** A wide section may take what a narrow one needs: the draw is tried again before it is refused. */
    private static final int DRAWS = 10;

    private final JpaTemplate jpa;
    private final Clock clock;
    private final Classes classes;
    private final Ledger ledger;
    private final FaceChecks faceChecks;
    private final AuditLog audit;
    private final AccessPolicy policy;
    private final SecureRandom random = new SecureRandom();
    private volatile ExamsConfig config;

    @Activate
    public ExamsImpl(@Reference(target = "(osgi.unit.name=anxun-exams)") JpaTemplate jpa, @Reference Clock clock,
            @Reference Classes classes, @Reference Ledger ledger, @Reference FaceChecks faceChecks,
            @Reference AuditLog audit, @Reference AccessPolicy policy, ExamsConfig config) {
        this.jpa = jpa;
        this.policy = policy;
        this.clock = clock;
        this.classes = classes;
        this.ledger = ledger;
        this.faceChecks = faceChecks;
        this.audit = audit;
        this.config = config;
    }

    @Modified
    void modified(ExamsConfig newConfig) {
        config = newConfig;
    }

    @Override
    public Exam define(Caller caller, String classId, ExamDraft draft) {
        TrainingClass trainingClass = classes.get(caller, classId);
        policy.require(caller, Operation.UPDATE, classes.scope(RecordKind.CLASS, classId));
        if (draft == null) {
            throw new InvalidInputException("body", "required", "is the test's blueprint");
        }
        return DatabaseFailure.orRefused(() -> jpa.txExpr(TransactionType.Required, em -> {
            List<String> banks = QuestionBankRecord.forClass(em, trainingClass.institutionId(),
                    trainingClass.programmeCode());
            ExamRules.Rules rules = ExamRules.check(draft, QuestionRecord.viewsInForce(em, banks), config
                    .longestMinutes());
            if (!em.createNamedQuery(AttemptRecord.OF_CLASS, AttemptRecord.class).setParameter("class", classId)
                    .setMaxResults(1).getResultList().isEmpty()) {
                throw new ConflictException("Learners have attempted the test of this class: it stays as it is.");
            }
            ExamRecord exam = em.find(ExamRecord.class, classId, LockModeType.PESSIMISTIC_WRITE);
            if (exam == null) {
                exam = new ExamRecord(classId, trainingClass.programmeCode());
                em.persist(exam);
            }
            exam.define(banks, draft.sections(), rules.passMark(), rules.minutes(), rules.attempts(), clock.instant(),
                    caller.name());
            audit.record(em, caller, "exam.defined", "class:" + classId, trainingClass.city(), "success",
                    rules.passMark() + " of " + exam.view().totalPoints() + " in " + rules.minutes() + " min");
            return exam.view();
        }), () -> new ConflictException("The test of this class changed at the same moment."));
    }

    @Override
    public Exam get(Caller caller, String classId) {
        classes.get(caller, classId);
        return jpa.txExpr(TransactionType.Required, em -> exam(em, classId).view());
    }

    @Override
    public ExamAttempt start(Caller learner, String classId, byte[] capture) {
        TrainingClass trainingClass = classes.attending(learner, classId);
        Exam exam = jpa.txExpr(TransactionType.Required, em -> exam(em, classId).view());
        Progress progress = ledger.ownProgress(learner, classId);
        if (!progress.completed()) {
            throw new ConflictException("The test opens once the online part is complete: " + progress.hours()
                    + " of " + progress.onlineHours() + " study hours are credited.");
        }
        jpa.txExpr(TransactionType.Required, em -> mayStart(em, exam, learner.accountId()));
        FaceCheck check = faceChecks.check(learner, learner.accountId(), capture, FaceCheck.Purpose.EXAM);
        if (!check.passed()) {
            throw new InvalidInputException("capture", "face-check-passed", "did not pass the face check ("
                    + check.reason() + "); take another");
        }
        return DatabaseFailure.orRefused(() -> jpa.txExpr(TransactionType.Required, em -> {
            int number = mayStart(em, exam, learner.accountId());
            Instant now = clock.instant();
            List<Draw.Drawn> drawn = draw(QuestionRecord.viewsInForce(em, exam.banks()), exam);
            AttemptRecord attempt = new AttemptRecord(classId, learner.accountId(), number, now, now.plusSeconds(
                    exam.minutes() * 60L), exam.totalPoints(), exam.passMark(), check.id());
            attempt.checkDueAt(nextCheck(now.toEpochMilli()));
            em.persist(attempt);
            for (int i = 0; i < drawn.size(); i++) {
                Draw.Drawn question = drawn.get(i);
                em.persist(new AttemptQuestionRecord(attempt.id(), i + 1, question.question().id(),
                        question.optionOrder(), question.points()));
            }
            audit.record(em, learner, "exam.started", "exam-attempt:" + attempt.id(), trainingClass.city(),
                    "success", "class " + classId + ", attempt " + number);
            em.flush();
            return view(em, attempt, true);
        }), () -> new ConflictException("An attempt of yours opened at the same moment; resume it."));
    }

    /** The number of the learner's next attempt, or the refusal. */
    private int mayStart(EntityManager em, Exam exam, String learnerId) {
        List<AttemptRecord> earlier = em.createNamedQuery(AttemptRecord.OF_LEARNER, AttemptRecord.class)
                .setParameter("class", exam.classId()).setParameter("learner", learnerId).getResultList();
        for (AttemptRecord attempt : earlier) {
            settle(em, attempt);
            if (attempt.status() == Status.PASSED) {
                throw new ConflictException("You passed this test already (attempt " + attempt.id() + ").");
            }
            if (attempt.status() == Status.OPEN) {
                throw new ConflictException("Your attempt " + attempt.id() + " is open: resume it.");
            }
        }
        if (earlier.size() >= exam.attempts()) {
            throw new ConflictException("You have used all " + exam.attempts() + " attempts at this test.");
        }
        return earlier.size() + 1;
    }

    private List<Draw.Drawn> draw(List<Question> questions, Exam exam) {
        for (int i = 0; i < DRAWS; i++) {
            List<Draw.Drawn> drawn = Draw.draw(questions, exam.sections(), random);
            if (drawn != null) {
                return drawn;
            }
        }
        throw new ConflictException("The question banks no longer have enough questions for this test's sections; "
                + "the institution must add questions or redefine the test.");
    }

    @Override
    public ExamAttempt attempt(Caller caller, String attemptId) {
        return jpa.txExpr(TransactionType.Required, em -> {
            AttemptRecord attempt = readable(caller, em, attemptId);
            settle(em, attempt);
            return view(em, attempt, true);
        });
    }

    @Override
    public List<ExamAttempt> attempts(Caller caller, String classId) {
        classes.get(caller, classId);
        // whoever may not read every attempt of the class reads those of their region's learners, and their own
        boolean all = policy.allows(caller, Operation.READ, classes.scope(RecordKind.EXAM_ATTEMPT, classId));
        Set<String> readable = new HashSet<>(all ? List.of() : classes.learnersOfRegion(caller, classId));
        readable.add(caller.accountId());
        return jpa.txExpr(TransactionType.Required, em -> (all
                ? em.createNamedQuery(AttemptRecord.OF_CLASS, AttemptRecord.class)
                : em.createNamedQuery(AttemptRecord.OF_CLASS_LEARNERS, AttemptRecord.class)
                        .setParameter("learners", readable))
                .setParameter("class", classId).getResultList().stream()
                .map(attempt -> {
                    settle(em, attempt);
                    return view(em, attempt, false);
                }).toList());
    }

    @Override
    public AnswerSaved answer(Caller learner, String attemptId, int number, String choice) {
        return jpa.txExpr(TransactionType.Required, em -> {
            AttemptRecord attempt = open(learner, em, attemptId);
            long now = clock.millis();
            if (attempt.checkDueAt() != null && now >= attempt.checkDueAt()) {
                throw new ConflictException("A face check is due: pass it (POST …/face-checks) before answering on.");
            }
            AttemptQuestionRecord question = em.find(AttemptQuestionRecord.class, new AttemptQuestionRecord.Key(
                    attemptId, number));
            if (question == null) {
                throw new NotFoundException("The attempt has no question " + number + ".");
            }
            Question asked = QuestionRecord.version(em, question.questionId());
            String letters = ExamRules.choice(asked.type(), question.options(), choice);
            question.choose(letters, now);
            return new AnswerSaved(number, letters, Instant.ofEpochMilli(now), Instant.ofEpochMilli(attempt
                    .deadline()), attempt.checkDueAt() == null ? null : Instant.ofEpochMilli(attempt.checkDueAt()));
        });
    }

    @Override
    public ExamAttempt checkFace(Caller learner, String attemptId, byte[] capture) {
        jpa.txExpr(TransactionType.Required, em -> open(learner, em, attemptId));
        FaceCheck check = faceChecks.check(learner, learner.accountId(), capture, FaceCheck.Purpose.EXAM);
        return jpa.txExpr(TransactionType.Required, em -> {
            AttemptRecord attempt = own(learner, em, attemptId);
            settle(em, attempt);
            attempt.checked(check.id());
            if (attempt.status() == Status.OPEN) {
                if (check.passed()) {
                    attempt.checkDueAt(nextCheck(clock.millis()));
                } else {
                    attempt.voided("FACE_CHECK_FAILED: " + check.reason(), clock.millis());
                    audit.record(em, learner, "exam.voided", "exam-attempt:" + attemptId, null, "success",
                            "face check failed: " + check.reason());
                }
            }
            return view(em, attempt, true);
        });
    }

    @Override
    public ExamAttempt submit(Caller learner, String attemptId) {
        return jpa.txExpr(TransactionType.Required, em -> {
            AttemptRecord attempt = open(learner, em, attemptId);
            if (attempt.checkDueAt() != null && clock.millis() >= attempt.checkDueAt()) {
                throw new ConflictException("A face check is due: pass it (POST …/face-checks) before handing in.");
            }
            grade(em, attempt, clock.millis());
            audit.record(em, learner, "exam.submitted", "exam-attempt:" + attemptId, null, "success",
                    attempt.status() + ", " + attempt.score() + " points");
            return view(em, attempt, true);
        });
    }

    @Override
    public ExamStatistics statistics(Caller caller, String classId) {
        policy.require(caller, Operation.READ, classes.scope(RecordKind.CLASS_RECORDS, classId));
        return jpa.txExpr(TransactionType.Required, em -> {
            List<AttemptRecord> attempts = em.createNamedQuery(AttemptRecord.OF_CLASS, AttemptRecord.class)
                    .setParameter("class", classId).getResultList();
            attempts.forEach(attempt -> settle(em, attempt));
            em.flush();
            return ClassStatistics.of(em, classId, attempts);
        });
    }

    /** The learner's own attempt, locked, settled, and still open; 409 otherwise. */
    private AttemptRecord open(Caller learner, EntityManager em, String attemptId) {
        AttemptRecord attempt = own(learner, em, attemptId);
        settle(em, attempt);
        if (attempt.status() != Status.OPEN) {
            throw new ConflictException("The attempt has ended (" + attempt.status() + "); an answer or a check "
                    + "now does not count.");
        }
        return attempt;
    }

    /** The caller's own attempt, locked: an attempt is answered by its learner alone. */
    private AttemptRecord own(Caller learner, EntityManager em, String attemptId) {
        return attempt(learner, em, attemptId, Operation.UPDATE);
    }

    private AttemptRecord readable(Caller caller, EntityManager em, String attemptId) {
        return attempt(caller, em, attemptId, Operation.READ);
    }

    private AttemptRecord attempt(Caller caller, EntityManager em, String attemptId, Operation operation) {
        caller.requireLogin("see a test attempt");
        AttemptRecord attempt = attemptId == null || attemptId.length() > 36 ? null : em.find(AttemptRecord.class,
                attemptId, LockModeType.PESSIMISTIC_WRITE);
        if (attempt == null) {
            throw new NotFoundException("There is no attempt " + attemptId + ".");
        }
        policy.require(caller, operation, classes.scope(RecordKind.EXAM_ATTEMPT, attempt.classId(),
                attempt.learnerId()));
        return attempt;
    }

    /**
     * Ends an open attempt whose time passed: a face check missed for its whole grace time voids it, else the time
     * limit grades it with the answers given before it.
     */
    private void settle(EntityManager em, AttemptRecord attempt) {
        if (attempt.status() != Status.OPEN) {
            return;
        }
        long now = clock.millis();
        Long missedAt = attempt.checkDueAt() == null ? null : attempt.checkDueAt() + config.faceCheckGraceSeconds()
                * 1000L;
        if (missedAt != null && now > missedAt && missedAt < attempt.deadline()) {
            attempt.voided("FACE_CHECK_MISSED", missedAt);
        } else if (now > attempt.deadline()) {
            grade(em, attempt, attempt.deadline());
        }
    }

    private void grade(EntityManager em, AttemptRecord attempt, long at) {
        List<AttemptQuestionRecord> asked = questions(em, attempt.id());
        Map<String, Question> versions = versions(em, asked);
        attempt.graded(asked.stream().mapToInt(question -> question.score(versions.get(question.questionId())))
                .sum(), at);
        classes.tested(em, attempt.classId(), attempt.learnerId(), attempt.status() == Status.PASSED,
                attempt.score(), Instant.ofEpochMilli(at));
    }

    private Long nextCheck(long after) {
        ExamsConfig rules = config;
        long least = rules.faceCheckMinMinutes() * 60_000L;
        long most = Math.max(least, rules.faceCheckMaxMinutes() * 60_000L);
        return after + least + (most > least ? random.nextLong(most - least) : 0);
    }

    /** The attempt as recorded; its right answers and explanations only once it has ended. */
    static ExamAttempt view(EntityManager em, AttemptRecord attempt, boolean withQuestions) {
        if (!withQuestions) {
            return attempt.view(List.of());
        }
        List<AttemptQuestionRecord> asked = questions(em, attempt.id());
        Map<String, Question> versions = versions(em, asked);
        boolean ended = attempt.status() != Status.OPEN;
        return attempt.view(asked.stream().map(question -> question.view(versions.get(question.questionId()), ended))
                .toList());
    }

    /** The attempts with their questions, read in as few queries as their number allows. */
    static List<ExamAttempt> views(EntityManager em, List<AttemptRecord> attempts) {
        Map<String, List<AttemptQuestionRecord>> asked = KeyBatches.read(attempts.stream().map(AttemptRecord::id)
                .toList(), batch -> em.createNamedQuery(AttemptQuestionRecord.OF_ATTEMPTS,
                        AttemptQuestionRecord.class).setParameter("attempts", batch).getResultList()).stream()
                .collect(Collectors.groupingBy(AttemptQuestionRecord::attemptId));
        Map<String, Question> versions = versions(em, asked.values().stream().flatMap(List::stream).toList());
        return attempts.stream().map(attempt -> attempt.view(asked.getOrDefault(attempt.id(), List.of()).stream()
                .map(question -> question.view(versions.get(question.questionId()), attempt.status() != Status.OPEN))
                .toList())).toList();
    }

    private static List<AttemptQuestionRecord> questions(EntityManager em, String attemptId) {
        return em.createNamedQuery(AttemptQuestionRecord.OF_ATTEMPT, AttemptQuestionRecord.class)
                .setParameter("attempt", attemptId).getResultList();
    }

    private static Map<String, Question> versions(EntityManager em, List<AttemptQuestionRecord> asked) {
        return QuestionRecord.versions(em, asked.stream().map(AttemptQuestionRecord::questionId).toList());
    }

    private static ExamRecord exam(EntityManager em, String classId) {
        ExamRecord exam = em.find(ExamRecord.class, classId);
        if (exam == null) {
            throw new NotFoundException("Class " + classId + " has no test yet.");
        }
        return exam;
    }
}
