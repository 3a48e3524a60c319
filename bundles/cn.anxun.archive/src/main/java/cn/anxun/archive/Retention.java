package cn.anxun.archive;

import org.osgi.annotation.versioning.ProviderType;

import cn.anxun.identity.Caller;

/**
 * Archives kept for their retention and no longer: past it, a daily run has every contributor remove or
 * anonymise its part and anonymises the learner, leaving what statistics count; a regulator's legal hold stops it.
 *
 * @since 1.2
 */
@ProviderType
public interface Retention {

    /** The learner's retention, for whoever may read the learner. */
    ArchiveRetention of(Caller caller, String learnerId);

    /** Places a legal hold on the learner's archive: a regulator whose region covers the learner; audited. */
    LegalHold hold(Caller caller, String learnerId, String reason);

    /** Lifts a standing hold: a regulator whose region covers the learner; audited. */
    LegalHold release(Caller caller, String holdId, String reason);

    /** Runs the retention now, as the daily job does: the operator; audited. */
    RetentionRun run(Caller caller);
}
