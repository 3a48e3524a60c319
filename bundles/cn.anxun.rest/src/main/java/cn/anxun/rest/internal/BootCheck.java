package cn.anxun.rest.internal;

import java.util.List;

import org.osgi.framework.BundleContext;

import cn.anxun.rest.internal.HealthResource.Check;
import cn.anxun.rest.internal.HealthResource.Status;

/**
 * Whether the container has finished starting the distribution's features: until Karaf registers its BootFinished
 * service, bundles are still being started, and a client told "ready" would meet them starting.
 */
final class BootCheck implements ReadinessCheck {

    /** By name, so that the web API does not depend on Karaf's features API for one service. */
    private static final String BOOT_FINISHED = "org.apache.karaf.features.BootFinished";

    private final BundleContext context;

    BootCheck(BundleContext context) {
        this.context = context;
    }

    @Override
    public List<Check> run() {
        return List.of(context.getServiceReference(BOOT_FINISHED) != null ? new Check("boot", Status.UP, null)
                : new Check("boot", Status.DOWN, "the container is still starting the distribution's features"));
    }
}
