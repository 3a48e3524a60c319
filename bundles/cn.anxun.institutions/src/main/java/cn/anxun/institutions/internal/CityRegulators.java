package cn.anxun.institutions.internal;

import java.util.function.Supplier;


import cn.anxun.identity.AccessDeniedException;
import cn.anxun.identity.AuditLog;
import cn.anxun.identity.Caller;
import cn.anxun.identity.ConflictException;
import cn.anxun.platform.persistence.DatabaseFailure;

/** What the registers and the registrations of a city share: who may act on them, and how a clash is answered. */
final class CityRegulators {

    private CityRegulators() {
    }

    /** Only the regulator bound to the city passes; anyone else is refused, and the attempt is audited. */
    static void requireOwn(AuditLog audit, Caller caller, String city, String action, String target, String what) {
        if (!city.equals(caller.regionCode())) {
            audit.record(caller, action, target, city, "denied", null);
            throw new AccessDeniedException("Only the regulator of " + city + " may " + what + "; you are bound to "
                    + caller.regionCode() + ".");
        }
    }

    /**
     * Runs a write, with its audit row inside; a clash the database caught with a write made at the same moment is a
     * conflict, any other failure goes on as it is.
     */
    static <T> T stored(Supplier<T> write, String clash) {
        return DatabaseFailure.orRefused(write, () -> new ConflictException("Nothing was stored: " + clash
                + "; read it again and retry."));
    }
}
