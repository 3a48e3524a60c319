package cn.anxun.identity.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.anxun.identity.AuditLog;
import cn.anxun.identity.Caller;
import cn.anxun.plugins.Refusal;
import cn.anxun.plugins.RefusalListener;

/** Every plugin bundle the platform refused, in the audit log, whichever way it came to be installed. */
@Component
public class RefusalsAudited implements RefusalListener {

    private final AuditLog audit;

    @Activate
    public RefusalsAudited(@Reference AuditLog audit) {
        this.audit = audit;
    }

    @Override
    public void refused(Refusal refusal) {
        audit.record(Caller.system(), "plugin.refused", "bundle:" + refusal.bundle() + "/" + refusal.version(), null,
                "failure", "from " + refusal.location() + ": " + String.join("; ", refusal.breaches()));
    }
}
