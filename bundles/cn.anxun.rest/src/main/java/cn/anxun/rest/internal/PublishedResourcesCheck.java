package cn.anxun.rest.internal;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.apache.cxf.jaxrs.JAXRSServiceImpl;
import org.apache.cxf.jaxrs.model.ClassResourceInfo;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.PhaseInterceptorChain;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

import cn.anxun.rest.ApiResource;
import cn.anxun.rest.internal.HealthResource.Check;
import cn.anxun.rest.internal.HealthResource.Status;

/**
 * Whether the application answering this request publishes every {@link ApiResource} registered now. A resource
 * that has just arrived makes the API re-create itself a moment later; until then the platform is not ready, or a
 * client would meet the 503 of the re-creation right after being told "ready".
 */
final class PublishedResourcesCheck implements ReadinessCheck {

    private final BundleContext context;

    PublishedResourcesCheck(BundleContext context) {
        this.context = context;
    }

    @Override
    public List<Check> run() {
        Message message = PhaseInterceptorChain.getCurrentMessage();
        if (message == null || !(message.getExchange().getService() instanceof JAXRSServiceImpl service)) {
            return List.of();
        }
        Set<String> published = service.getClassResourceInfos().stream().map(ClassResourceInfo::getServiceClass)
                .map(Class::getName).collect(Collectors.toSet());
        Set<String> missing = new TreeSet<>();
        for (ServiceReference<ApiResource> reference : registered()) {
            ApiResource resource = context.getService(reference);
            if (resource != null) {
                if (!published.contains(resource.getClass().getName())) {
                    missing.add(resource.getClass().getSimpleName());
                }
                context.ungetService(reference);
            }
        }
        return List.of(missing.isEmpty() ? new Check("web API", Status.UP, null)
                : new Check("web API", Status.DOWN, "about to be re-created to publish " + String.join(", ", missing)));
    }

    private List<ServiceReference<ApiResource>> registered() {
        try {
            return List.copyOf(context.getServiceReferences(ApiResource.class, null));
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
