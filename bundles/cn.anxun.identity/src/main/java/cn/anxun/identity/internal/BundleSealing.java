package cn.anxun.identity.internal;

import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;

import cn.anxun.identity.Sealing;

/**
 * The sealing service as each bundle gets it: its contexts are prefixed with the bundle's name, so a bundle opens
 * only what it sealed itself, never the ID numbers and photos identity keeps.
 */
@Component(service = Sealing.class, scope = ServiceScope.BUNDLE)
public class BundleSealing implements Sealing {

    private final Keys keys;
    private final String namespace;

    @Activate
    public BundleSealing(@Reference Keys keys, ComponentContext context) {
        this.keys = keys;
        this.namespace = "bundle:" + context.getUsingBundle().getSymbolicName() + ":";
    }

    @Override
    public byte[] seal(byte[] plain, String context) {
        return keys.seal(plain, namespace + context);
    }

    @Override
    public byte[] open(byte[] sealed, String context) {
        return keys.open(sealed, namespace + context);
    }
}
