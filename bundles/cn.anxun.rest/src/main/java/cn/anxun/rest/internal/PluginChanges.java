package cn.anxun.rest.internal;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;
import java.util.function.Supplier;

import javax.ws.rs.core.Response.Status;

import cn.anxun.identity.AuditLog;
import cn.anxun.identity.Caller;
import cn.anxun.identity.InvalidInputException;
import cn.anxun.identity.Scope;
import cn.anxun.plugins.Plugins;
import cn.anxun.rest.ProblemException;

/** A plugin installed or removed for the operator: whatever comes of it, refusal and failure included, is audited. */
final class PluginChanges {

    private PluginChanges() {
    }

    /**
     * @param missing what to answer when the distribution has no such plugin
     * @param outcome what the audit row says of the plugin as it is after the change
     */
    static <T> T audited(AuditLog audit, Caller caller, String action, Scope scope, String region, String missing,
            Supplier<T> change, Function<T, String> outcome) {
        try {
            T now = change.get();
            audit.record(caller, action, scope.target(), region, "success", outcome.apply(now));
            return now;
        } catch (NoSuchElementException e) {
            throw ProblemException.notFound(missing);
        } catch (Plugins.PartOfAnotherFeature e) {
            audit.record(caller, action, scope.target(), region, "failure", "installed with another feature");
            throw new ProblemException(Status.CONFLICT, "conflict", "Conflict", e.getMessage(), List.of());
        } catch (Plugins.Refused e) {
            audit.record(caller, action, scope.target(), region, "failure", e.getMessage());
            throw new InvalidInputException("feature", "plugin-contract", e.getMessage());
        } catch (RuntimeException e) {
            audit.record(caller, action, scope.target(), region, "failure", e.getMessage());
            throw e;
        }
    }
}
