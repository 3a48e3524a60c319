package cn.anxun.ledger.internal;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;
import javax.persistence.TypedQuery;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

import cn.anxun.classes.Breakdown;
import cn.anxun.classes.Classes;
import cn.anxun.classes.StudyPlace;
import cn.anxun.courses.Course;
import cn.anxun.courses.UnitType;
import cn.anxun.face.FaceCheck;
import cn.anxun.face.FaceChecks;
import cn.anxun.identity.AccessPolicy;
import cn.anxun.identity.Caller;
import cn.anxun.identity.ConflictException;
import cn.anxun.identity.InvalidInputException;
import cn.anxun.identity.NotFoundException;
import cn.anxun.identity.Operation;
import cn.anxun.identity.Reach;
import cn.anxun.identity.RecordKind;
import cn.anxun.identity.Regions;
import cn.anxun.identity.Relation;
import cn.anxun.identity.Scope;
import cn.anxun.ledger.Heartbeat;
import cn.anxun.ledger.StudyAnswer;
import cn.anxun.ledger.StudyAnswer.Action;
import cn.anxun.ledger.proof.StudyHours;
import cn.anxun.ledger.StudySession;
import cn.anxun.ledger.StudySession.Reason;
import cn.anxun.ledger.StudySession.Status;
import cn.anxun.ledger.StudySessions;
import cn.anxun.ledger.proof.Entry;

/**
 * The rules of R-22, applied under a lock on the session's row. Time is earned between heartbeats while the page is
 * shown, the learner is not being asked whether they are there, and the media position moved no faster than the
 * clock; it is credited to the ledger, one entry per unit, only when the next face check passes.
 */
@Component(service = StudySessions.class, configurationPid = StudyConfig.PID)
@Designate(ocd = StudyConfig.class)
public class StudySessionsImpl implements StudySessions {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final JpaTemplate jpa;
    private final Clock clock;
    private final AccessPolicy policy;
    private final Classes classes;
    private final FaceChecks faceChecks;
    private final SecureRandom random = new SecureRandom();
    /** Online courses by id; few, and re-read whenever a session starts or a face check closes a segment. */
    private final Map<String, Course> courses = new ConcurrentHashMap<>();
    private volatile StudyConfig config;

    @Activate
    public StudySessionsImpl(@Reference(target = "(osgi.unit.name=anxun-ledger)") JpaTemplate jpa,
            @Reference Clock clock, @Reference Classes classes,
            @Reference FaceChecks faceChecks, @Reference AccessPolicy policy, StudyConfig config) {
        this.jpa = jpa;
        this.policy = policy;
        this.clock = clock;
        this.classes = classes;
        this.faceChecks = faceChecks;
        this.config = config;
    }

    @Modified
    void modified(StudyConfig newConfig) {
        config = newConfig;
    }

    @Override
    public StudyAnswer start(Caller learner, String classId, String courseId, byte[] capture) {
        StudyPlace place = classes.studyPlace(learner, classId, courseId);
        placed(place);
        StudyConfig rules = config;
        long classCap = place.trainingClass().onlineHours() * StudyHours.SECONDS_PER_HOUR;
        Instant before = clock.instant();
        long today = jpa.txExpr(TransactionType.Required, em -> creditedSince(em, learner.accountId(), before));
        long inClass = jpa.txExpr(TransactionType.Required, em -> sum(em.createNamedQuery(
                EntryRecord.CREDITED_IN_CLASS).setParameter("learner", learner.accountId())
                .setParameter("class", classId).getSingleResult()));
        if (today >= dailyCap(rules)) {
            jpa.tx(TransactionType.Required, em -> em.persist(new CapRefusalRecord(learner.accountId(), classId,
                    day(before.toEpochMilli()), before.toEpochMilli())));
            throw new ConflictException("The daily cap of " + rules.dailyCapHours() + " study hours is reached; "
                    + "study again tomorrow.");
        }
        if (inClass >= classCap) {
            throw new ConflictException("The programme's " + place.trainingClass().onlineHours() + " online hours "
                    + "are reached in this class.");
        }
        FaceCheck check = passed(learner, capture, FaceCheck.Purpose.STUDY_START);
        return jpa.txExpr(TransactionType.Required, em -> {
            long now = clock.millis();
            String replaced = null;
            for (SessionRecord other : em.createNamedQuery(SessionRecord.OPEN_OF_LEARNER, SessionRecord.class)
                    .setParameter("learner", learner.accountId()).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                    .getResultList()) {
                drop(em, other);
                other.end(Reason.REPLACED, now);
                replaced = other.id();
            }
            SessionRecord session = new SessionRecord(learner, place.region(),
                    place.trainingClass(), courseId, Instant.ofEpochMilli(now), check.id(), nextCheck(now, rules),
                    day(now), today, inClass, classCap, replaced);
            em.persist(session);
            return answer(session, Action.CONTINUE, null, rules);
        });
    }

    @Override
    public StudyAnswer heartbeat(Caller learner, String sessionId, Heartbeat beat) {
        if (beat == null || beat.unit() == null || beat.visible() == null || beat.interacted() == null) {
            throw new InvalidInputException("unit", "required", "unit, visible and interacted are required; "
                    + "position too for video and sound");
        }
        StudyConfig rules = config;
        return jpa.txExpr(TransactionType.Required, em -> {
            SessionRecord session = locked(em, learner, sessionId);
            if (session.status() == Status.ENDED) {
                return answer(session, Action.STOP, null, rules);
            }
            Course course = course(learner, session);
            if (beat.unit() < 1 || beat.unit() > course.units().size()) {
                throw new InvalidInputException("unit", "course-unit", "is a unit of the course, 1 to "
                        + course.units().size());
            }
            Course.Unit unit = course.units().get(beat.unit() - 1);
            boolean timed = unit.type() != UnitType.TEXT;
            if (timed && (beat.position() == null || !(beat.position() >= 0))) {
                throw new InvalidInputException("position", "required", "is the playback position in seconds, "
                        + "from 0");
            }
            if (unit.duration() == null) {
                throw new ConflictException("Unit " + beat.unit() + " is still being measured.");
            }
            long now = clock.millis();
            newDay(em, session, now);
            long interval = Math.max(0, Math.min(now - session.lastBeatAt(), 2000L * rules.heartbeatSeconds()));
            Long position = timed ? Math.round(beat.position() * 1000) : null;
            if (session.status() == Status.PAUSED) {
                session.beatAt(now);
                return answer(session, Action.RESUME_WITH_FACE_CHECK, null, rules);
            }
            if (session.checkDeadline() != null && now > session.checkDeadline()) {
                pause(em, session, Reason.FACE_CHECK_MISSED, true);
                session.beatAt(now);
                return answer(session, Action.RESUME_WITH_FACE_CHECK, null, rules);
            }
            if (session.answerDeadline() != null && now > session.answerDeadline()) {
                pause(em, session, Reason.IDLE, false);
                session.beatAt(now);
                return answer(session, Action.RESUME_WITH_FACE_CHECK, null, rules);
            }
            if (beat.interacted()) {
                session.interactedAt(now);
            }
            session.hiddenSince(beat.visible() ? null : session.hiddenSince() == null ? now : session.hiddenSince());
            boolean earning = beat.visible() && session.answerDeadline() == null;
            Action action = Action.CONTINUE;
            Double returnTo = null;
            long earned = 0;
            boolean sameUnit = beat.unit().equals(session.unit());
            if (!sameUnit && timed && !beat.unit().equals(session.checkedUnit())) {
                long remaining = Math.max(1000, unit.duration().toMillis() - position);
                session.checkDueAt(Math.min(session.checkDueAt(), now + remaining / 4
                        + (long) (random.nextDouble() * remaining / 2)));
            }
            UnitRecord progress = timed ? unitProgress(em, session, beat.unit()) : null;
            Long from = null;
            if (timed) {
                // the first heartbeat in a unit says where playback starts: anywhere up to the furthest point
                long last = sameUnit && session.positionMs() != null ? session.positionMs() : progress.furthestMs();
                from = last;
                long reach = sameUnit ? last + interval : last;
                long tolerance = 1000L * rules.positionToleranceSeconds();
                if (position > progress.furthestMs() + tolerance && position > reach + tolerance) {
                    position = progress.furthestMs();
                    returnTo = position / 1000.0;
                    action = Action.RETURN_TO_POSITION;
                    earning = false;
                } else {
                    earned = Math.max(0, Math.min(interval, position - last));
                }
            } else {
                earned = interval;
            }
            earning &= sameUnit;
            if (!sameUnit || session.unitCreditedMs() == null) {
                session.unitCreditedMs(creditedInUnit(em, session, beat.unit()));
            }
            if (earning && earned > 0) {
                List<PieceRecord> pieces = pieces(em, session);
                earned = Math.min(earned, unitRemainingMs(session, unit, beat.unit(), pieces));
                earned = Math.min(earned, capRemainingMs(session, rules));
                if (earned > 0) {
                    earn(em, session, pieces, beat.unit(), from, timed ? position : null, now - earned, now,
                            earned);
                }
            }
            if (progress != null) {
                progress.reached(Math.min(position, unit.duration().toMillis()));
            }
            session.at(beat.unit(), position);
            session.beatAt(now);
            if (session.endAfterCheck() == null && capRemainingMs(session, rules) <= 0) {
                boolean daily = (dailyCap(rules) - session.todaySeconds()) * 1000 <= session.pendingMs();
                session.endAfterCheck(daily ? Reason.DAILY_CAP_REACHED : Reason.ONLINE_HOURS_REACHED);
                session.checkDueAt(now);
            }
            if (action == Action.CONTINUE) {
                action = prompt(session, now, rules);
            }
            return answer(session, action, returnTo, rules);
        });
    }

    /** Asks for a face check when one is due, else whether the learner is there when they seem idle. */
    private Action prompt(SessionRecord session, long now, StudyConfig rules) {
        if (session.checkDeadline() == null && now >= session.checkDueAt()) {
            session.checkDeadline(now + 1000L * rules.faceCheckGraceSeconds());
        }
        if (session.checkDeadline() != null) {
            return Action.FACE_CHECK;
        }
        long idleSince = session.hiddenSince() != null ? Math.min(session.hiddenSince(), now)
                : session.lastInteractionAt();
        if (session.answerDeadline() == null && now - idleSince >= 60_000L * rules.idlePromptMinutes()) {
            session.answerDeadline(now + 1000L * rules.idleAnswerSeconds());
        }
        return session.answerDeadline() != null ? Action.CONFIRM_PRESENCE : Action.CONTINUE;
    }

    @Override
    public StudyAnswer capture(Caller learner, String sessionId, byte[] capture) {
        StudySession open = get(learner, sessionId);
        placed(classes.studyPlace(learner, open.classId(), open.courseId()));
        FaceCheck check = faceChecks.check(learner, learner.accountId(), capture, FaceCheck.Purpose.DURING_STUDY);
        StudyConfig rules = config;
        return jpa.txExpr(TransactionType.Required, em -> {
            SessionRecord session = locked(em, learner, sessionId);
            long now = clock.millis();
            if (session.status() == Status.ENDED) {
                return answer(session, Action.STOP, null, rules);
            }
            if (session.status() == Status.ACTIVE && session.checkDeadline() != null
                    && now > session.checkDeadline()) {
                pause(em, session, Reason.FACE_CHECK_MISSED, true);
            }
            if (!check.passed()) {
                pause(em, session, Reason.FACE_CHECK_FAILED, true);
                return answer(session, Action.RESUME_WITH_FACE_CHECK, null, rules);
            }
            if (session.status() == Status.ACTIVE || session.reason() == Reason.IDLE) {
                credit(em, session, check.id(), now);
            } else {
                drop(em, session);
            }
            Reason end = session.endAfterCheck();
            if (end != null) {
                session.end(end, now);
                return answer(session, Action.STOP, null, rules);
            }
            session.segmentOpened(now, check.id(), nextCheck(now, rules));
            return answer(session, Action.CONTINUE, null, rules);
        });
    }

    @Override
    public StudyAnswer confirmPresence(Caller learner, String sessionId) {
        StudyConfig rules = config;
        return jpa.txExpr(TransactionType.Required, em -> {
            SessionRecord session = locked(em, learner, sessionId);
            long now = clock.millis();
            if (session.status() != Status.ACTIVE) {
                return answer(session, session.status() == Status.ENDED ? Action.STOP : Action.RESUME_WITH_FACE_CHECK,
                        null, rules);
            }
            if (session.answerDeadline() != null && now > session.answerDeadline()) {
                pause(em, session, Reason.IDLE, false);
                return answer(session, Action.RESUME_WITH_FACE_CHECK, null, rules);
            }
            session.answerDeadline(null);
            session.interactedAt(now);
            session.hiddenSince(null);
            session.beatAt(now);
            return answer(session, prompt(session, now, rules), null, rules);
        });
    }

    @Override
    public StudyAnswer end(Caller learner, String sessionId) {
        StudyConfig rules = config;
        return jpa.txExpr(TransactionType.Required, em -> {
            SessionRecord session = locked(em, learner, sessionId);
            if (session.status() != Status.ENDED) {
                drop(em, session);
                session.end(Reason.ENDED_BY_LEARNER, clock.millis());
            }
            return answer(session, Action.STOP, null, rules);
        });
    }

    @Override
    public Map<String, Long> studying(Caller caller, String region, Breakdown by) {
        String of = Regions.inGuangdong("region", region);
        policy.require(caller, Operation.READ, Scope.region(RecordKind.ENROLMENT, of));
        Reach.Condition reached = policy.reach(caller, Operation.READ, RecordKind.ENROLMENT).condition(Map.of(
                Relation.SELF, "s.learnerId", Relation.OWN_INSTITUTION, "s.institutionId", Relation.IN_REGION,
                "s.region"));
        String key = by.path("s");
        Optional<Breakdown> level = Breakdown.levelOf(of);
        String within = level.map(part -> " AND " + part.path("s") + " = :region").orElse("");
        return jpa.txExpr(TransactionType.Required, em -> {
            TypedQuery<Object[]> counts = reached.bind(em.createQuery("SELECT " + key + ", COUNT(s) "
                    + "FROM SessionRecord s WHERE s.status = 'ACTIVE' AND s.lastBeatAt > :since AND "
                    + reached.jpql() + within + " GROUP BY " + key, Object[].class))
                    .setParameter("since", clock.millis() - 2000L * config.heartbeatSeconds());
            if (level.isPresent()) {
                counts.setParameter("region", of);
            }
            Map<String, Long> studying = new TreeMap<>();
            counts.getResultList().stream().filter(row -> row[0] != null).forEach(row -> studying.put(
                    (String) row[0], ((Number) row[1]).longValue()));
            return studying;
        });
    }

    @Override
    public StudySession get(Caller caller, String sessionId) {
        return jpa.txExpr(TransactionType.Required, em -> own(em, caller, sessionId, Operation.READ,
                LockModeType.NONE)).view();
    }

    /** Appends one ledger entry per piece of the open segment, bounded by its opening and this closing check. */
    private void credit(EntityManager em, SessionRecord session, String closedBy, long now) {
        long total = 0;
        for (PieceRecord piece : pieces(em, session)) {
            long seconds = piece.earnedMs() / 1000;
            if (seconds > 0) {
                em.persist(new EntryRecord(new Entry(UUID.randomUUID().toString(), Entry.Kind.SEGMENT,
                        session.learnerId(), session.classId(), session.courseId(), piece.unit(),
                        piece.mediaFromMs(), piece.mediaToMs(), Instant.ofEpochMilli(piece.startedAt()),
                        Instant.ofEpochMilli(piece.endedAt()), seconds, session.segmentOpenedBy(), closedBy,
                        session.id(), null, null, Instant.ofEpochMilli(now), "system")));
                total += seconds;
                if (session.unitCreditedMs() != null && Objects.equals(session.unit(), piece.unit())) {
                    session.unitCreditedMs(session.unitCreditedMs() + seconds * 1000);
                }
            }
        }
        em.createNamedQuery(PieceRecord.DROP).setParameter("session", session.id()).executeUpdate();
        session.credited(total);
        if (total > 0) {
            classes.credited(em, session.classId(), session.learnerId(), total, Instant.ofEpochMilli(now));
        }
    }

    private void pause(EntityManager em, SessionRecord session, Reason why, boolean voidsSegment) {
        if (voidsSegment) {
            drop(em, session);
        }
        session.pause(why);
    }

    private static void drop(EntityManager em, SessionRecord session) {
        em.createNamedQuery(PieceRecord.DROP).setParameter("session", session.id()).executeUpdate();
        session.voided();
    }

    private static void earn(EntityManager em, SessionRecord session, List<PieceRecord> pieces, int unit, Long fromMs,
            Long toMs, long from, long to, long ms) {
        PieceRecord last = pieces.isEmpty() ? null : pieces.get(pieces.size() - 1);
        if (last == null || !last.continuedBy(unit, fromMs, session.lastBeatAt())) {
            last = new PieceRecord(session.id(), unit, fromMs, from);
            em.persist(last);
        }
        last.extend(toMs, to, ms);
        session.earned(ms);
    }

    private static List<PieceRecord> pieces(EntityManager em, SessionRecord session) {
        return em.createNamedQuery(PieceRecord.OF_SESSION, PieceRecord.class).setParameter("session", session.id())
                .getResultList();
    }

    private static long creditedInUnit(EntityManager em, SessionRecord session, int unit) {
        return sum(em.createNamedQuery(EntryRecord.CREDITED_IN_UNIT).setParameter("learner", session.learnerId())
                .setParameter("class", session.classId()).setParameter("course", session.courseId())
                .setParameter("unit", unit).getSingleResult()) * 1000;
    }

    private static long unitRemainingMs(SessionRecord session, Course.Unit unit, int position,
            List<PieceRecord> pieces) {
        long pending = pieces.stream().filter(piece -> piece.unit() == position).mapToLong(PieceRecord::earnedMs)
                .sum();
        return Math.max(0, unit.duration().toMillis() - session.unitCreditedMs() - pending);
    }

    private long capRemainingMs(SessionRecord session, StudyConfig rules) {
        long day = dailyCap(rules) * 1000 - session.todaySeconds() * 1000 - session.pendingMs();
        long inClass = session.classCapSeconds() * 1000 - session.classSeconds() * 1000 - session.pendingMs();
        return Math.max(0, Math.min(day, inClass));
    }

    private UnitRecord unitProgress(EntityManager em, SessionRecord session, int unit) {
        String id = UnitRecord.id(session.learnerId(), session.classId(), session.courseId(), unit);
        UnitRecord record = em.find(UnitRecord.class, id);
        if (record == null) {
            record = new UnitRecord(id);
            em.persist(record);
        }
        return record;
    }

    private void newDay(EntityManager em, SessionRecord session, long now) {
        String today = day(now);
        if (!today.equals(session.day())) {
            session.newDay(today, creditedSince(em, session.learnerId(), Instant.ofEpochMilli(now)));
        }
    }

    private static long creditedSince(EntityManager em, String learnerId, Instant now) {
        long midnight = LocalDate.ofInstant(now, CHINA).atStartOfDay(CHINA).toInstant().toEpochMilli();
        return sum(em.createNamedQuery(EntryRecord.CREDITED_SINCE).setParameter("learner", learnerId)
                .setParameter("from", midnight).getSingleResult());
    }

    private static String day(long now) {
        return LocalDate.ofInstant(Instant.ofEpochMilli(now), CHINA).toString();
    }

    private static long dailyCap(StudyConfig rules) {
        return new BigDecimal(rules.dailyCapHours().strip()).multiply(BigDecimal.valueOf(StudyHours.SECONDS_PER_HOUR))
                .longValue();
    }

    private long nextCheck(long now, StudyConfig rules) {
        long min = 60_000L * rules.faceCheckMinMinutes();
        long max = Math.max(min, 60_000L * rules.faceCheckMaxMinutes());
        return now + min + (long) (random.nextDouble() * (max - min));
    }

    private FaceCheck passed(Caller learner, byte[] capture, FaceCheck.Purpose purpose) {
        FaceCheck check = faceChecks.check(learner, learner.accountId(), capture, purpose);
        if (!check.passed()) {
            throw new InvalidInputException("capture", "face-check-passed", "did not pass the face check ("
                    + check.reason() + "); take another");
        }
        return check;
    }

    /**
     * The session's course as a start or face check last read it; the session's own class rules were checked at
     * its start and are again at each face check, before anything is credited.
     */
    private Course course(Caller learner, SessionRecord session) {
        Course known = courses.get(session.courseId());
        return known != null ? known : placed(classes.studyPlace(learner, session.classId(), session.courseId()));
    }

    /** Keeps the course of a place a learner may study now, once its units are all measured. */
    private Course placed(StudyPlace place) {
        Course course = place.course();
        if (course.duration() != null) {
            courses.put(course.id(), course);
        }
        return course;
    }

    private SessionRecord locked(EntityManager em, Caller learner, String sessionId) {
        return own(em, learner, sessionId, Operation.UPDATE, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The session, if the caller may act on it so: a study session is its learner's alone. */
    private SessionRecord own(EntityManager em, Caller learner, String sessionId, Operation operation,
            LockModeType lock) {
        learner.requireLogin("study");
        SessionRecord session = sessionId == null || sessionId.length() > 36 ? null
                : em.find(SessionRecord.class, sessionId, lock);
        if (session == null) {
            throw new NotFoundException("There is no study session " + sessionId + ".");
        }
        policy.require(learner, operation, new Scope(RecordKind.STUDY_SESSION, "study-session:" + sessionId,
                Set.of(session.learnerId()), Set.of(), Set.of(), false));
        return session;
    }

    private static long sum(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static StudyAnswer answer(SessionRecord session, Action action, Double returnTo, StudyConfig rules) {
        return new StudyAnswer(session.view(), action, millis(session.checkDeadline()),
                millis(session.answerDeadline()), returnTo, session.pendingMs() / 1000, session.todaySeconds(),
                session.classSeconds(), rules.heartbeatSeconds());
    }

    private static Instant millis(Long at) {
        return at == null ? null : Instant.ofEpochMilli(at);
    }
}
