package cn.anxun.identity.internal;

import org.osgi.service.component.annotations.Component;

import cn.anxun.api.identity.IdentityVerifier;
import cn.anxun.api.identity.Verification;

/**
 * The embedded verifier: it vouches for what the rules can tell, i.e. the format, check character and birth date
 * of the ID number, which the platform checked before asking. Its level {@code format} tells regulators that no
 * authoritative register was consulted.
 */
@Component(service = IdentityVerifier.class)
public class FormatVerifier implements IdentityVerifier {

    static final String ID = "format";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String label() {
        return "号码规则核验 (format, check character and birth date only)";
    }

    @Override
    public Verification verify(String name, String idNumber) {
        return Verification.confirmed("format");
    }
}
