package cn.anxun.identity;

import java.time.Instant;

/** A filter on the audit log; {@code null} fields do not filter. Newest first. */
public record AuditQuery(Instant from, Instant to, String actor, String target, String action, int offset,
        int limit) {
}
