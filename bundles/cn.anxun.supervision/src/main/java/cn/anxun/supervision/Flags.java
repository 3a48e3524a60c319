package cn.anxun.supervision;

import cn.anxun.identity.Caller;

/**
 * Suspicious patterns, found every day by the installed pattern detectors over the records made since the
 * last look, and on demand; each kept as a flag for the regulators of its region.
 */
public interface Flags {

    FlagList list(Caller caller, FlagQuery query);

    Flag get(Caller caller, String id);

    /** A regulator of its region dismisses it with a reason; audited. */
    Flag dismiss(Caller caller, String id, String reason);

    /** Looks at the records made since the last look now, as the daily job does; for regulators and the operator. */
    FlagRun run(Caller caller);
}
