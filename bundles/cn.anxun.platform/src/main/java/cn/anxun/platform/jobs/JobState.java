package cn.anxun.platform.jobs;

import java.time.Instant;

/**
 * One job as the operator sees it.
 *
 * @param name what the job does, e.g. {@code media validation 3f2…}
 * @param state {@code WAITING} for a worker, {@code RUNNING}, {@code ABANDONED} (it outlived its limit and ignored
 *              the interrupt: its thread is lost until the task ends), or {@code REPEATING} between runs
 * @param since when it entered that state; for a repeating job, when its last run ended
 * @param last for a repeating job, how its last run ended, or {@code null}
 */
public record JobState(String name, State state, Instant since, Outcome last) {

    /** Where a job is. */
    public enum State { WAITING, RUNNING, ABANDONED, REPEATING }
}
