package cn.anxun.courses;

import java.util.Collection;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

import cn.anxun.identity.Caller;

/**
 * The catalogue of training programmes, seeded with the national syllabi and kept by the platform operator. Anyone
 * may read it; changes are audited and never touch a version already published.
 */
@ProviderType
public interface Programmes {

    /** The versions in force (and, if asked, the retired ones), by code. */
    List<Programme> list(boolean withRetired);

    /** Every version of a programme, newest first. */
    List<Programme> versions(String code);

    /**
     * Every version of these programmes in one read, by code and newest first; a code of no programme has none.
     *
     * @since 1.2
     */
    List<Programme> versions(Collection<String> codes);

    Programme create(Caller caller, ProgrammeEntry entry);

    /** A new version of a programme; the current one is superseded, not changed. */
    Programme revise(Caller caller, String code, ProgrammeEntry entry);

    Programme retire(Caller caller, String code);
}
