package cn.anxun.identity.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.anxun.identity.AccessPolicy;
import cn.anxun.identity.AuditEntry;
import cn.anxun.identity.AuditLog;
import cn.anxun.identity.AuditQuery;
import cn.anxun.identity.Caller;
import cn.anxun.identity.Operation;
import cn.anxun.identity.Page;
import cn.anxun.identity.RecordKind;
import cn.anxun.identity.Scope;

/**
 * The audit log in the {@code AUDIT_EVENT} table. Rows join the transaction of the change they record, if there is
 * one, so that a change and its row are stored together or not at all.
 */
@Component(service = AuditLog.class)
public class AuditLogImpl implements AuditLog {

    static final int MAX_PAGE = 500;

    private final JpaTemplate jpa;
    private final Clock clock;
    private final AccessPolicy policy;

    @Activate
    public AuditLogImpl(@Reference(target = "(osgi.unit.name=anxun-identity)") JpaTemplate jpa,
            @Reference Clock clock, @Reference AccessPolicy policy) {
        this.clock = clock;
        this.policy = policy;
        this.jpa = jpa;
    }

    @Override
    public void record(Caller caller, String action, String target, String region, String outcome, String detail) {
        AuditRecord row = row(caller, action, target, region, outcome, detail);
        jpa.tx(TransactionType.Required, row::insert);
    }

    @Override
    public void record(EntityManager transaction, Caller caller, String action, String target, String region,
            String outcome, String detail) {
        row(caller, action, target, region, outcome, detail).insert(transaction);
    }

    private AuditRecord row(Caller caller, String action, String target, String region, String outcome, String detail) {
        return AuditRecord.of(clock.instant(), caller, action, target, region, outcome, detail);
    }

    @Override
    public Page<AuditEntry> query(Caller caller, AuditQuery query) {
        policy.require(caller, Operation.READ, Scope.platform(RecordKind.AUDIT_LOG, null));
        int limit = Math.max(1, Math.min(query.limit(), MAX_PAGE));
        int offset = Math.max(0, query.offset());
        Page<AuditEntry> page = jpa.txExpr(TransactionType.Required, em -> {
            StringBuilder where = new StringBuilder(" WHERE 1 = 1");
            Map<String, Object> parameters = new HashMap<>();
            condition(where, parameters, "a.at >= :from", "from", query.from() == null ? null : query.from().toEpochMilli());
            condition(where, parameters, "a.at < :to", "to", query.to() == null ? null : query.to().toEpochMilli());
            condition(where, parameters, "a.actor = :actor", "actor", query.actor());
            condition(where, parameters, "a.target = :target", "target", query.target());
            condition(where, parameters, "a.action = :action", "action", query.action());
            TypedQuery<Long> count = em.createQuery("SELECT COUNT(a) FROM AuditRecord a" + where, Long.class);
            TypedQuery<AuditRecord> rows = em.createQuery("SELECT a FROM AuditRecord a" + where
                    + " ORDER BY a.seq DESC", AuditRecord.class);
            parameters.forEach((name, value) -> {
                count.setParameter(name, value);
                rows.setParameter(name, value);
            });
            List<AuditEntry> items = new ArrayList<>();
            rows.setFirstResult(offset).setMaxResults(limit).getResultList().forEach(row -> items.add(row.toEntry()));
            return new Page<>(items, count.getSingleResult(), offset, limit);
        });
        record(caller, "audit.read", null, null, "success", describe(query));
        return page;
    }

    private static void condition(StringBuilder where, Map<String, Object> parameters, String clause, String name,
            Object value) {
        if (value != null) {
            where.append(" AND ").append(clause);
            parameters.put(name, value);
        }
    }

    private static String describe(AuditQuery query) {
        return "from=" + query.from() + " to=" + query.to() + " actor=" + query.actor() + " target=" + query.target()
                + " action=" + query.action();
    }
}
