package cn.anxun.shell.internal;

import java.security.SecureRandom;
import java.util.List;

import javax.security.auth.login.AppConfigurationEntry;

import org.apache.karaf.jaas.boot.ProxyLoginModule;
import org.apache.karaf.jaas.config.JaasRealm;
import org.apache.karaf.jaas.modules.BackingEngine;
import org.apache.karaf.jaas.modules.BackingEngineFactory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's first account. The distribution ships without one, so that no two platforms share a console
 * password: when the console's realm has no user at all, {@code operator} is created in {@code admingroup} with a
 * generated password, stored hashed by the realm, and written once to the log, like the first platform
 * administrator's.
 */
@Component(immediate = true)
public class ConsoleOperator {

    static final String USER = "operator";
    private static final String GROUP = "admingroup";
    private static final String REALM = "karaf";
    private static final String PASSWORDS = "org.apache.karaf.jaas.modules.properties.PropertiesLoginModule";
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleOperator.class);
    private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789".toCharArray();

    @Activate
    public ConsoleOperator(
            @Reference(cardinality = ReferenceCardinality.AT_LEAST_ONE,
                    policyOption = ReferencePolicyOption.GREEDY) List<JaasRealm> realms,
            @Reference(cardinality = ReferenceCardinality.AT_LEAST_ONE,
                    policyOption = ReferencePolicyOption.GREEDY) List<BackingEngineFactory> engines) {
        for (JaasRealm realm : realms) {
            if (!REALM.equals(realm.getName())) {
                continue;
            }
            for (AppConfigurationEntry entry : realm.getEntries()) {
                // Karaf's realms name their module behind its proxy login module; passwords are in the properties one
                if (PASSWORDS.equals(entry.getOptions().get(ProxyLoginModule.PROPERTY_MODULE))) {
                    engines.stream().filter(factory -> factory.getModuleClass().equals(PASSWORDS)).findFirst()
                            .map(factory -> factory.build(entry.getOptions())).ifPresent(ConsoleOperator::createIfNone);
                }
            }
        }
    }

    private static void createIfNone(BackingEngine users) {
        if (!users.listUsers().isEmpty()) {
            return;
        }
        String password = generated();
        users.addUser(USER, password);
        users.addGroup(USER, GROUP);
        LOG.warn("Console account '{}' created with the password {} - it is not shown again. The console listens on "
                + "127.0.0.1 only; see docs/operations.md, \"The operator account\".", USER, password);
    }

    private static String generated() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            password.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return password.toString();
    }
}
