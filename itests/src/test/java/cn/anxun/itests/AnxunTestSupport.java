package cn.anxun.itests;

import static org.ops4j.pax.exam.CoreOptions.vmOptions;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.keepRuntimeFolder;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Dictionary;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import javax.inject.Inject;
import javax.sql.DataSource;

import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.Before;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.component.runtime.ServiceComponentRuntime;

/**
 * Boots the built distribution archive once per test class (once for all of {@link SharedPlatformIT}), on free
 * ports, and waits until it is ready. The tests run inside the container and talk HTTP to it like any client.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public abstract class AnxunTestSupport {

    /** The suite registers hundreds of learners from the loopback address within minutes. */
    static final String REGISTRATIONS_PER_ADDRESS = "100000";

    /** System property, inside the container, carrying the HTTP port the test configured. */
    private static final String HTTP_PORT = "anxun.it.httpPort";
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    /** The movable clock of the container the test runs in: one per container, so shared platforms keep theirs. */
    private static MovableClock movable;
    private static final Set<String> ON_MOVABLE_CLOCK = new HashSet<>();

    /** What bin/karaf of Karaf 4.4 passes to Java 17 and Pax Exam does not. */
    private static final String[] JAVA_MODULE_OPTIONS = {
        "--add-reads=java.xml=java.logging",
        "--add-exports=java.base/org.apache.karaf.specs.locator=java.xml,ALL-UNNAMED",
        "--patch-module", "java.base=lib/endorsed/org.apache.karaf.specs.locator-4.4.10.jar",
        "--patch-module", "java.xml=lib/endorsed/org.apache.karaf.specs.java.xml-4.4.10.jar",
        "--add-opens", "java.base/java.security=ALL-UNNAMED",
        "--add-opens", "java.base/java.net=ALL-UNNAMED",
        "--add-opens", "java.base/java.lang=ALL-UNNAMED",
        "--add-opens", "java.base/java.util=ALL-UNNAMED",
        "--add-opens", "java.naming/javax.naming.spi=ALL-UNNAMED",
        "--add-opens", "java.rmi/sun.rmi.transport.tcp=ALL-UNNAMED",
        "--add-exports=java.base/sun.net.www.protocol.file=ALL-UNNAMED",
        "--add-exports=java.base/sun.net.www.protocol.ftp=ALL-UNNAMED",
        "--add-exports=java.base/sun.net.www.protocol.http=ALL-UNNAMED",
        "--add-exports=java.base/sun.net.www.protocol.https=ALL-UNNAMED",
        "--add-exports=java.base/sun.net.www.protocol.jar=ALL-UNNAMED",
        "--add-exports=java.base/sun.net.www.content.text=ALL-UNNAMED",
        "--add-exports=jdk.xml.dom/org.w3c.dom.html=ALL-UNNAMED",
        "--add-exports=jdk.naming.rmi/com.sun.jndi.url.rmi=ALL-UNNAMED",
    };

    @Inject
    protected BundleContext bundleContext;

    @Inject
    private SessionFactory shell;

    @Inject
    private ServiceComponentRuntime components;

    protected Http http;

    @Configuration
    public Option[] configuration() {
        String httpPort = String.valueOf(Ports.free());
        List<Option> options = new ArrayList<>(List.of(
                karafDistributionConfiguration()
                        .frameworkUrl(new File(System.getProperty("anxun.distribution")).toURI().toString())
                        .unpackDirectory(new File(System.getProperty("anxun.work"), "exam"))
                        .useDeployFolder(false)
                        .name("Anxun"),
                configureConsole().ignoreLocalConsole().ignoreRemoteShell(),
                logLevel(Boolean.getBoolean("anxun.it.keep") ? LogLevel.INFO : LogLevel.WARN),
                vmOptions(JAVA_MODULE_OPTIONS),
                editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", httpPort),
                // the first administrator gets a password the tests know
                editConfigurationFilePut("etc/cn.anxun.identity.cfg", "initialAdminPasswordHash",
                        Identity.ADMIN_PASSWORD_HASH),
                editConfigurationFilePut("etc/cn.anxun.identity.cfg", "registrationsPerAddress",
                        REGISTRATIONS_PER_ADDRESS),
                editConfigurationFilePut("etc/system.properties", HTTP_PORT, httpPort),
                editConfigurationFilePut("etc/system.properties", Photos.FOLDER, System.getProperty(Photos.FOLDER)),
                editConfigurationFilePut("etc/system.properties", MediaFiles.FOLDER,
                        System.getProperty(MediaFiles.FOLDER)),
                editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiRegistryPort",
                        String.valueOf(Ports.free())),
                editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiServerPort",
                        String.valueOf(Ports.free()))));
        options.addAll(TestDatabase.options());
        if (Boolean.getBoolean("anxun.it.keep")) {
            // -Danxun.it.keep=true keeps target/runs/exam/<id>/ with its data/log/karaf.log after the run
            options.add(keepRuntimeFolder());
        }
        String localRepository = System.getProperty("maven.repo.local");
        if (localRepository != null) {
            // Pax Exam's own bundles come from the build's Maven repository; the platform's from system/
            options.add(editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg",
                    "org.ops4j.pax.url.mvn.localRepository", localRepository));
        }
        return options.toArray(new Option[0]);
    }

    /** The platform's DataSource, pooled: the database every bundle's tables are in. */
    protected DataSource database() {
        try {
            return bundleContext.getService(bundleContext.getServiceReferences(DataSource.class,
                    "(osgi.jndi.service.name=anxun)").iterator().next());
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The test's clock, registered above the platform's once per container; the bundles named restart and take it,
     * each once.
     */
    protected MovableClock onMovableClock(String... restarted) throws Exception {
        if (movable == null) {
            movable = new MovableClock(LocalDate.now(CHINA).atTime(10, 0).atZone(CHINA).toInstant());
            Hashtable<String, Object> ranking = new Hashtable<>();
            ranking.put(Constants.SERVICE_RANKING, 1000);
            bundleContext.registerService(Clock.class, movable, ranking);
        }
        boolean restarting = false;
        for (String name : restarted) {
            if (ON_MOVABLE_CLOCK.add(name)) {
                bundle(name).stop();
                bundle(name).start();
                restarting = true;
            }
        }
        if (restarting) {
            Eventually.await("the API is back", Duration.ofSeconds(60), http::ready);
        }
        return movable;
    }

    /** The installed bundle of that symbolic name. */
    protected Bundle bundle(String symbolicName) {
        for (Bundle bundle : bundleContext.getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName())) {
                return bundle;
            }
        }
        throw new AssertionError("no bundle " + symbolicName);
    }

    /**
     * Waits until Declarative Services runs the component with a configuration the test accepts: Config Admin
     * delivers an update on its own thread, so a test that changed one waits for it before relying on it.
     */
    protected void awaitConfigured(String bundle, String component, String what,
            Predicate<Map<String, Object>> configured) {
        Eventually.await(what, Duration.ofSeconds(20), () -> components.getComponentConfigurationDTOs(
                components.getComponentDescriptionDTO(bundle(bundle), component)).stream()
                .anyMatch(running -> configured.test(running.properties)));
    }

    /** The properties of a configuration, to change some and put them back after. */
    protected static Hashtable<String, Object> copyOf(Dictionary<String, Object> properties) {
        Hashtable<String, Object> table = new Hashtable<>();
        Collections.list(properties.keys()).forEach(key -> table.put(key, properties.get(key)));
        return table;
    }

    /** Runs one SQL statement on the platform's database, outside the platform's own transactions. */
    protected void execute(String sql) throws Exception {
        try (Connection connection = database().getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
    }

    /** Runs a command at the Karaf console and answers what it printed. */
    protected String shell(String command) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        Session session = shell.create(new ByteArrayInputStream(new byte[0]), print, print);
        try {
            session.execute(command);
        } finally {
            session.close();
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Before
    public void awaitReady() {
        http = new Http(Integer.getInteger(HTTP_PORT));
        Duration took = Eventually.await("GET /api/v1/health/ready answers 200", Duration.ofSeconds(90), http::ready);
        System.out.println("ready after " + took.toMillis() + " ms of waiting in " + getClass().getSimpleName());
    }
}
