package cn.anxun.platform.persistence;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import javax.persistence.EntityExistsException;
import javax.persistence.OptimisticLockException;
import javax.persistence.PersistenceException;

/**
 * The kind of a failed database call, read from the exception's causes. Only a {@link #CONFLICT} may be answered
 * "changed at the same moment, retry"; an {@link #UNAVAILABLE} database is the platform's trouble, not the caller's.
 */
public enum DatabaseFailure {

    /** A unique or optimistic-lock violation, a deadlock or serialisation failure: a concurrent write won. */
    CONFLICT,
    /** The database cannot be reached, is shutting down, or did not answer in time; the pool had no connection. */
    UNAVAILABLE;

    /**
     * SQLSTATEs of a concurrent write (SQL standard, PostgreSQL, Derby): a unique key taken, a serialisation
     * failure, a deadlock. A broken check or not-null constraint is a bug, not a race.
     */
    private static final Set<String> CONFLICT_STATES = Set.of("23505", "40001", "40P01");
    /** PostgreSQL: administrator shutdown, crash shutdown, cannot connect now, statement or lock timeout. */
    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "57014", "55P03",
            // Derby: lock wait timed out, database not found or shut down
            "40XL1", "40XL2", "XJ004", "XJ040", "XJ015", "08006");

    /** The kind of the failure, or empty when it is neither (a bug, or a database that refused a statement). */
    public static Optional<DatabaseFailure> of(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof OptimisticLockException || cause instanceof EntityExistsException) {
                return Optional.of(CONFLICT);
            }
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof SQLTimeoutException
                    // the pool's answer when every connection stays taken for its whole wait
                    || cause instanceof SQLException && cause.getCause() instanceof NoSuchElementException) {
                return Optional.of(UNAVAILABLE);
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (CONFLICT_STATES.contains(state)) {
                    return Optional.of(CONFLICT);
                }
                if (state.startsWith("08") || state.startsWith("53") || UNAVAILABLE_STATES.contains(state)) {
                    return Optional.of(UNAVAILABLE);
                }
            }
        }
        return Optional.empty();
    }

    /** Whether the failure is a concurrent write that won. */
    public static boolean isConflict(Throwable failure) {
        return of(failure).filter(CONFLICT::equals).isPresent();
    }

    /**
     * Runs the write; when a concurrent write won, answers {@code instead}, which may read what the other wrote or
     * throw the refusal. Any other failure goes on as it is.
     */
    public static <T> T onConflict(Supplier<T> write, Supplier<T> instead) {
        try {
            return write.get();
        } catch (PersistenceException e) {
            if (!isConflict(e)) {
                throw e;
            }
            return instead.get();
        }
    }

    /** Runs the write; when a concurrent write won, throws the refusal instead. */
    public static <T> T orRefused(Supplier<T> write, Supplier<? extends RuntimeException> refusal) {
        return onConflict(write, () -> {
            throw refusal.get();
        });
    }

    /** The message of the deepest cause: what the database or the pool said. */
    public static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
