package cn.anxun.platform.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionStage;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Runs the platform's background work on a bounded number of workers. Every run has a time limit: a run that
 * outlives it is interrupted and reported {@link Outcome.Kind#TIMED_OUT}, and its worker's place goes to the next
 * run even if the task ignores the interrupt. Whatever a task throws, {@link Error}s included, is its outcome and
 * never reaches the scheduler. Durable state (attempts, parking) belongs to the owner of the work; the scheduler
 * keeps only the leases and the runs of repeating jobs, in the database, so that several nodes share them.
 */
@ProviderType
public interface Scheduler {

    /** A run handed to the scheduler. */
    interface Run {

        /** How the run ended; completes once. */
        CompletionStage<Outcome> outcome();

        /** Interrupts the run, or drops it if it has not started; its outcome is then {@code CANCELLED}. */
        void cancel();
    }

    /** Runs the task once, as soon as a worker is free, interrupted after {@code limit}. */
    Run run(String name, Duration limit, Runnable task);

    /**
     * Runs the task after {@code delay} and then every {@code period} after each run ended, each run within
     * {@code limit}, on one node of the platform at a time: before a run, the node takes the job's lease in the
     * database; a run that any node started less than a period ago, or runs now, counts for all, and this node's run
     * is {@link Outcome.Kind#SKIPPED}. Each run is recorded with its node. Close the answer to stop.
     */
    AutoCloseable every(String name, Duration delay, Duration period, Duration limit, Runnable task);

    /**
     * The same on every node, each on its own: for work on what each node holds or checks for itself.
     *
     * @since 1.1
     */
    AutoCloseable everyOnThisNode(String name, Duration delay, Duration period, Duration limit, Runnable task);

    /** The repeating jobs and the runs now waiting, running, or abandoned after their limit: for the operator. */
    List<JobState> jobs();

    /**
     * The runs of the jobs that take their lease, on every node, newest first: for the operator.
     *
     * @param since the earliest start to list; runs are kept a month
     * @param most how many at most
     * @since 1.1
     */
    List<JobRun> runs(Instant since, int most);
}
