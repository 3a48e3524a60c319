package cn.anxun.identity.internal;

import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;

import org.junit.Test;

import cn.anxun.api.identity.IdentityVerifier;
import cn.anxun.api.identity.Verification;
import cn.anxun.identity.ServiceUnavailableException;

public class PluginChoiceTest {

    private static IdentityVerifier verifier(String id) {
        return new IdentityVerifier() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public String label() {
                return id;
            }

            @Override
            public Verification verify(String name, String idNumber) {
                return Verification.confirmed(id);
            }
        };
    }

    @Test
    public void theConfiguredPluginServesAndItsAbsenceIsRefusedNotReplaced() {
        PluginChoice<IdentityVerifier> choice = new PluginChoice<>("identity verifier", IdentityVerifier::id);
        IdentityVerifier format = verifier("format");
        IdentityVerifier registry = verifier("registry");
        choice.add(format);
        choice.add(registry);
        assertSame(registry, choice.chosen("registry"));
        assertSame(format, choice.chosen("format"));

        choice.remove(registry);
        assertThrows("the weaker default does not stand in", ServiceUnavailableException.class,
                () -> choice.chosen("registry"));
        choice.add(registry);
        assertSame("back when it is installed again", registry, choice.chosen("registry"));
    }
}
