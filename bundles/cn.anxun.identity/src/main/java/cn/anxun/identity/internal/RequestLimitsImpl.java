package cn.anxun.identity.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.anxun.identity.AuditLog;
import cn.anxun.identity.Caller;
import cn.anxun.identity.RequestLimit;
import cn.anxun.identity.RequestLimits;
import cn.anxun.identity.TooManyRequestsException;
import cn.anxun.platform.persistence.DatabaseFailure;

/** The counts in {@code LOGIN_THROTTLE}, one row per kind and address. */
@Component(service = RequestLimits.class)
public class RequestLimitsImpl implements RequestLimits {

    private final JpaTemplate jpa;
    private final Clock clock;
    private final Keys keys;
    private final AuditLog audit;

    @Activate
    public RequestLimitsImpl(@Reference(target = "(osgi.unit.name=anxun-identity)") JpaTemplate jpa,
            @Reference Clock clock, @Reference Keys keys, @Reference AuditLog audit) {
        this.jpa = jpa;
        this.clock = clock;
        this.keys = keys;
        this.audit = audit;
    }

    @Override
    public void count(Caller caller, RequestLimit limit) {
        Supplier<Optional<TooManyRequestsException>> count = () -> jpa.txExpr(TransactionType.Required, em -> {
            Instant now = clock.instant();
            LoginThrottleRecord row = LoginThrottleRecord.locked(em, keys, limit.kind(), caller.clientAddress(), now);
            try {
                row.state(RequestCount.counted(limit, row.state(), now), now);
                return Optional.<TooManyRequestsException>empty();
            } catch (TooManyRequestsException e) {
                audit.record(caller, "request-limit.refused", null, null, "denied", "too many " + limit.kind()
                        + " requests from this address");
                return Optional.of(e);
            }
        });
        // the first request from an address makes its row; a parallel one that made it too counts again
        DatabaseFailure.onConflict(count, count).ifPresent(refusal -> {
            throw refusal;
        });
    }
}
