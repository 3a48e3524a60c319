package cn.anxun.rest.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

import cn.anxun.rest.internal.HealthResource.Check;
import cn.anxun.rest.internal.HealthResource.Status;

/**
 * Every core bundle (manifest header {@value #CORE_HEADER}) is active and each of its components is satisfied;
 * a component that waits for a service is reported with the references it misses.
 */
final class CoreBundlesCheck implements ReadinessCheck {

    static final String CORE_HEADER = "Anxun-Core";

    private final BundleContext context;
    private final ServiceComponentRuntime scr;

    CoreBundlesCheck(BundleContext context, ServiceComponentRuntime scr) {
        this.context = context;
        this.scr = scr;
    }

    @Override
    public List<Check> run() {
        List<Check> checks = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            if (bundle.getHeaders("").get(CORE_HEADER) != null) {
                checks.add(check(bundle));
            }
        }
        return checks;
    }

    private Check check(Bundle bundle) {
        String name = bundle.getSymbolicName();
        if (bundle.getState() != Bundle.ACTIVE) {
            return new Check(name, Status.DOWN, "bundle " + bundle.getBundleId() + " is not active");
        }
        List<String> problems = new ArrayList<>();
        var components = scr.getComponentDescriptionDTOs(bundle);
        if (components.isEmpty() && bundle.getHeaders("").get("Service-Component") != null) {
            // active, but the component runtime has not read its components yet
            return new Check(name, Status.DOWN, "its components are not read yet");
        }
        for (ComponentDescriptionDTO component : components) {
            String problem = problem(component);
            if (problem != null) {
                problems.add(problem);
            }
        }
        return problems.isEmpty() ? new Check(name, Status.UP, null)
                : new Check(name, Status.DOWN, String.join("; ", problems));
    }

    private String problem(ComponentDescriptionDTO component) {
        String name = component.name.substring(component.name.lastIndexOf('.') + 1);
        if (!scr.isComponentEnabled(component)) {
            return name + " is disabled";
        }
        var configurations = scr.getComponentConfigurationDTOs(component);
        if (configurations.isEmpty()) {
            return name + " has no configuration";
        }
        for (ComponentConfigurationDTO configuration : configurations) {
            switch (configuration.state) {
                case ComponentConfigurationDTO.UNSATISFIED_REFERENCE:
                    return name + " waits for " + Arrays.stream(configuration.unsatisfiedReferences)
                            .map(reference -> reference.name + (reference.target == null ? "" : " " + reference.target))
                            .collect(Collectors.joining(", "));
                case ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION:
                    return name + " waits for its configuration";
                case ComponentConfigurationDTO.FAILED_ACTIVATION:
                    return name + " failed to activate (data/log/karaf.log has the trace): "
                            + rootCause(configuration.failure);
                default:
                    break;
            }
        }
        return null;
    }

    /** The innermost "Caused by" line of a stack trace: the cause without the trace. */
    private static String rootCause(String trace) {
        String cause = trace.lines().findFirst().orElse("");
        for (String line : (Iterable<String>) trace.lines()::iterator) {
            if (line.startsWith("Caused by: ")) {
                cause = line.substring("Caused by: ".length());
            }
        }
        return cause;
    }
}
