package cn.anxun.platform.jobs;

/**
 * How a run ended.
 *
 * @param kind what happened
 * @param detail for a failure, what the task threw; for a time-out, the limit; for a skipped run, why;
 *        otherwise {@code null}
 */
public record Outcome(Kind kind, String detail) {

    /**
     * What happened to a run; {@code SKIPPED}: another node ran the job within its period or runs it now, or the
     * database, which says so, is not there (since 1.1).
     */
    public enum Kind { DONE, FAILED, TIMED_OUT, CANCELLED, SKIPPED }

    public static final Outcome DONE = new Outcome(Kind.DONE, null);

    public boolean done() {
        return kind == Kind.DONE;
    }
}
