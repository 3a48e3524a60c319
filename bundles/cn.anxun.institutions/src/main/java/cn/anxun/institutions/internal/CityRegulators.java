package cn.anxun.institutions.internal;

import java.util.function.Supplier;

import cn.anxun.identity.ConflictException;
import cn.anxun.platform.persistence.DatabaseFailure;

/** What the registers and the registrations of a city share: how a clash is answered. */
final class CityRegulators {

    private CityRegulators() {
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
