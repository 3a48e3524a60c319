package cn.anxun.classes.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoField;

import javax.persistence.EntityManager;
import javax.persistence.PersistenceException;

import cn.anxun.feed.FeedSequence;

/**
 * Keeps each enrolment's progress in its {@code CLASS_LEARNER} row. The writers run in the transactions of other
 * units (a ledger entry, a graded attempt, a certificate) on their connection, so that both commit together; every
 * change is one relative {@code UPDATE}, which concurrent writers cannot lose, and a change for the feed.
 */
final class ProgressRows {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private static final String CREDITED = "UPDATE CLASS_LEARNER SET CREDITEDSECONDS = CREDITEDSECONDS + ?, "
            + "LASTCREDITEDAT = ?, "
            + "WEEKSECONDS = CASE WHEN WEEKOF = ? THEN WEEKSECONDS + ? ELSE CAST(? AS BIGINT) END, WEEKOF = ?, "
            + "MONTHSECONDS = CASE WHEN MONTHOF = ? THEN MONTHSECONDS + ? ELSE CAST(? AS BIGINT) END, MONTHOF = ?, "
            + "COMPLETEDAT = CASE WHEN CREDITEDSECONDS + ? < REQUIREDSECONDS THEN CAST(NULL AS BIGINT) "
            + "ELSE COALESCE(COMPLETEDAT, ?) END, FEEDMARK = ? "
            + "WHERE CLASSID = ? AND LEARNERID = ?";
    private static final String TESTED = "UPDATE CLASS_LEARNER SET ATTEMPTS = ATTEMPTS + 1, "
            + "TESTRESULT = CASE WHEN PASSEDAT IS NULL THEN CAST(? AS VARCHAR(6)) ELSE 'PASSED' END, "
            + "BESTSCORE = CASE WHEN BESTSCORE IS NULL OR BESTSCORE < ? THEN CAST(? AS INT) ELSE BESTSCORE END, "
            + "PASSEDAT = COALESCE(PASSEDAT, CAST(? AS BIGINT)), FEEDMARK = ? WHERE CLASSID = ? AND LEARNERID = ?";
    private static final String CERTIFIED = "UPDATE CLASS_LEARNER SET CERTIFICATE = ?, CERTIFICATESTATUS = ?, "
            + "FEEDMARK = ? WHERE CLASSID = ? AND LEARNERID = ?";

    private ProgressRows() {
    }

    /** The week an instant falls in, as the day number of its Monday in China. */
    static long weekOf(Instant at) {
        LocalDate day = LocalDate.ofInstant(at, CHINA);
        return day.minusDays(day.get(ChronoField.DAY_OF_WEEK) - 1L).toEpochDay();
    }

    /** The month an instant falls in, as yyyymm in China. */
    static int monthOf(Instant at) {
        LocalDate day = LocalDate.ofInstant(at, CHINA);
        return day.getYear() * 100 + day.getMonthValue();
    }

    static void credited(EntityManager transaction, String classId, String learnerId, long seconds, Instant at) {
        long week = weekOf(at);
        int month = monthOf(at);
        update(transaction, CREDITED, "credited time", seconds, at.toEpochMilli(), week, seconds, seconds, week, month,
                seconds, seconds, month, seconds, at.toEpochMilli(), changed(), classId, learnerId);
    }

    static void tested(EntityManager transaction, String classId, String learnerId, boolean passed, int score,
            Instant at) {
        update(transaction, TESTED, "test result", passed ? "PASSED" : "FAILED", score, score,
                passed ? at.toEpochMilli() : null, changed(), classId, learnerId);
    }

    static void certified(EntityManager transaction, String classId, String learnerId, String certificate,
            boolean revoked) {
        update(transaction, CERTIFIED, "certificate", certificate, revoked ? "REVOKED" : "VALID", changed(),
                classId, learnerId);
    }

    /** A change for the feed, which these updates make outside the entity. */
    private static long changed() {
        return FeedSequence.changed(null);
    }

    private static void update(EntityManager transaction, String sql, String what, Object... values) {
        Connection connection = transaction.unwrap(Connection.class);
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                if (values[i] == null) {
                    update.setNull(i + 1, Types.BIGINT);
                } else {
                    update.setObject(i + 1, values[i]);
                }
            }
            update.executeUpdate();
        } catch (SQLException e) {
            throw new PersistenceException("the " + what + " of an enrolment was not kept", e);
        }
    }
}
