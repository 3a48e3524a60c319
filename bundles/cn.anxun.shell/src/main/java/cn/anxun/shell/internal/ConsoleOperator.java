package cn.anxun.shell.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;

import javax.security.auth.login.AppConfigurationEntry;

import org.apache.karaf.jaas.boot.ProxyLoginModule;
import org.apache.karaf.jaas.config.JaasRealm;
import org.apache.karaf.jaas.modules.BackingEngine;
import org.apache.karaf.jaas.modules.BackingEngineFactory;
import org.apache.karaf.jaas.modules.encryption.EncryptionSupport;
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
                            .map(factory -> factory.build(entry.getOptions()))
                            .ifPresent(users -> createIfNone(users, entry.getOptions()));
                }
            }
        }
    }

    private static void createIfNone(BackingEngine users, Map<String, ?> options) {
        if (!users.listUsers().isEmpty()) {
            return;
        }
        String password = generated();
        add(Path.of(String.valueOf(options.get("users"))),
                USER + " = " + new EncryptionSupport(options).encrypt(password) + ",_g_:" + GROUP);
        LOG.warn("Console account '{}' created with the password {} - it is not shown again. The console listens on "
                + "127.0.0.1 only; see docs/operations.md, \"The operator account\".", USER, password);
    }

    /**
     * Adds the account, hashed and in its group, by one atomic replace of the file: Karaf re-reads and re-writes the
     * file whenever it changes, and caught between the backing engine's two writes (user, then group) it lost the
     * group or read half a file.
     */
    private static void add(Path file, String line) {
        try {
            String accounts = Files.readString(file, StandardCharsets.ISO_8859_1);
            Path next = Files.createTempFile(file.getParent(), "users", ".properties");
            Files.writeString(next, accounts + (accounts.endsWith("\n") ? "" : "\n") + line + "\n",
                    StandardCharsets.ISO_8859_1);
            Files.move(next, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("The console account could not be written to " + file, e);
        }
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
