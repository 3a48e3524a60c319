package cn.anxun.backup;

import java.util.List;
import java.util.concurrent.CompletionStage;

import org.osgi.annotation.versioning.ProviderType;

import cn.anxun.identity.Caller;

/**
 * The platform's backups: the operator's and the platform administrators' (the console acts as one); starting one
 * is audited.
 */
@ProviderType
public interface Backups {

    /**
     * Starts a backup now on the platform's scheduler and answers it while it runs.
     *
     * @throws cn.anxun.identity.ConflictException while another backup runs
     */
    Backup start(Caller caller);

    /** The backup now running, if any, then the kept ones, newest first. */
    List<Backup> list(Caller caller);

    /** @throws cn.anxun.identity.NotFoundException when there is no such backup */
    Backup get(Caller caller, String id);

    /** Completes with the backup once it has ended: at once when it is not running. */
    CompletionStage<Backup> ended(Caller caller, String id);
}
