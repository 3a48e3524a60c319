package cn.anxun.platform.jobs;

/**
 * How a run ended.
 *
 * @param kind what happened
 * @param detail for a failure, what the task threw; for a time-out, the limit; otherwise {@code null}
 */
public record Outcome(Kind kind, String detail) {

    /** What happened to a run. */
    public enum Kind { DONE, FAILED, TIMED_OUT, CANCELLED }

    public static final Outcome DONE = new Outcome(Kind.DONE, null);

    public boolean done() {
        return kind == Kind.DONE;
    }
}
