package cn.anxun.plugins;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Told of every plugin bundle the platform refused, such as the audit log; one registered later is told of the
 * refusals made before, so that a refusal during the boot is not lost.
 *
 * @since 1.2
 */
@ConsumerType
public interface RefusalListener {

    /** Called on a job of the platform's scheduler, never on the thread that resolves bundles. */
    void refused(Refusal refusal);
}
