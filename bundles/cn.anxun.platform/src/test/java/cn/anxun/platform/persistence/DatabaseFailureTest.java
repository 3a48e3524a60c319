package cn.anxun.platform.persistence;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.NoSuchElementException;
import java.util.Optional;

import javax.persistence.OptimisticLockException;
import javax.persistence.PersistenceException;

import org.junit.Test;

public class DatabaseFailureTest {

    private static PersistenceException failure(Throwable cause) {
        return new PersistenceException("Exception [EclipseLink-4002]", cause);
    }

    private static Optional<DatabaseFailure> wrapped(Throwable cause) {
        return DatabaseFailure.of(failure(cause));
    }

    @Test
    public void aUniqueViolationOrALostRaceIsAConflict() {
        assertEquals(Optional.of(DatabaseFailure.CONFLICT), wrapped(new SQLException("duplicate key", "23505")));
        assertEquals(Optional.of(DatabaseFailure.CONFLICT), wrapped(new SQLException("The statement was aborted "
                + "because it would have caused a duplicate key value", "23505")));
        assertEquals(Optional.of(DatabaseFailure.CONFLICT), wrapped(new SQLException("deadlock detected", "40P01")));
        assertEquals(Optional.of(DatabaseFailure.CONFLICT), DatabaseFailure.of(new OptimisticLockException("stale")));
        assertTrue(DatabaseFailure.isConflict(failure(new SQLException("could not serialize access", "40001"))));
    }

    @Test
    public void aDatabaseThatCannotAnswerIsUnavailable() {
        assertEquals(Optional.of(DatabaseFailure.UNAVAILABLE), wrapped(new SQLException("Connection refused", "08001")));
        assertEquals(Optional.of(DatabaseFailure.UNAVAILABLE), wrapped(new SQLException("terminating connection due "
                + "to administrator command", "57P01")));
        assertEquals(Optional.of(DatabaseFailure.UNAVAILABLE), wrapped(new SQLException("A lock could not be obtained "
                + "within the time requested", "40XL1")));
        assertEquals(Optional.of(DatabaseFailure.UNAVAILABLE), wrapped(new SQLTransientConnectionException("gone")));
        SQLException poolExhausted = new SQLException("Cannot get a connection, pool error Timeout waiting for idle "
                + "object", new NoSuchElementException("Timeout waiting for idle object"));
        assertEquals(Optional.of(DatabaseFailure.UNAVAILABLE), wrapped(poolExhausted));
        assertEquals("NoSuchElementException: Timeout waiting for idle object",
                DatabaseFailure.rootMessage(failure(poolExhausted)));
    }

    @Test
    public void anythingElseIsNeither() {
        assertEquals(Optional.empty(), wrapped(new SQLException("syntax error at or near \"SELEC\"", "42601")));
        assertEquals("a broken check constraint is a bug", Optional.empty(),
                wrapped(new SQLException("violates check constraint", "23513")));
        assertEquals(Optional.empty(), DatabaseFailure.of(new IllegalStateException("a bug")));
        assertEquals("a conflict is decided by the database, not by any missing element", Optional.empty(),
                DatabaseFailure.of(new NoSuchElementException("no value present")));
        assertEquals(Optional.empty(), wrapped(new SQLException("no state")));
    }

    @Test
    public void aWriteThatLostARaceIsAnsweredInsteadAndAnyOtherFailureGoesOn() {
        PersistenceException taken = failure(new SQLException("duplicate key", "23505"));
        assertEquals("read what the other wrote", "theirs", DatabaseFailure.onConflict(() -> {
            throw taken;
        }, () -> "theirs"));
        IllegalStateException refusal = assertThrows(IllegalStateException.class, () -> DatabaseFailure.orRefused(
                () -> {
                    throw taken;
                }, () -> new IllegalStateException("changed at the same moment")));
        assertEquals("changed at the same moment", refusal.getMessage());
        PersistenceException down = failure(new SQLException("Connection refused", "08001"));
        assertSame(down, assertThrows(PersistenceException.class, () -> DatabaseFailure.orRefused(() -> {
            throw down;
        }, () -> new IllegalStateException("not a conflict"))));
    }
}
