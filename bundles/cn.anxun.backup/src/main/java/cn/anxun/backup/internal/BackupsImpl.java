package cn.anxun.backup.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.anxun.api.backup.BackedUpFiles;
import cn.anxun.backup.Backup;
import cn.anxun.backup.Backups;
import cn.anxun.identity.AccessPolicy;
import cn.anxun.identity.AuditLog;
import cn.anxun.identity.Caller;
import cn.anxun.identity.ConflictException;
import cn.anxun.identity.NotFoundException;
import cn.anxun.identity.Operation;
import cn.anxun.identity.RecordKind;
import cn.anxun.identity.Scope;
import cn.anxun.ledger.Ledger;
import cn.anxun.platform.jobs.Scheduler;
import cn.anxun.platform.node.Node;

/** Backups on the platform's scheduler, one at a time: at the configured hours, and when the operator asks. */
@Component(service = Backups.class, configurationPid = BackupConfig.PID)
@Designate(ocd = BackupConfig.class)
public class BackupsImpl implements Backups {

    private static final Logger LOG = LoggerFactory.getLogger(BackupsImpl.class);
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final String JOB = "backup of the database, the media and the keys";

    private final DataSource dataSource;
    private final Scheduler scheduler;
    private final Clock clock;
    private final Ledger ledger;
    private final AccessPolicy policy;
    private final AuditLog audit;
    private final ConfigurationAdmin configurations;
    /** The node's key folder, copied into each backup. */
    private final Path keys;
    private final List<BackedUpFiles> files = new CopyOnWriteArrayList<>();
    private volatile BackupConfig config;
    private AutoCloseable schedule;
    /** The backup now running and its end, or none; guarded by this. */
    private Backup running;
    private CompletableFuture<Backup> runningEnd;
    private Backup lastFailed;

    @Activate
    public BackupsImpl(@Reference(target = "(osgi.jndi.service.name=anxun)") DataSource dataSource,
            @Reference Scheduler scheduler, @Reference Clock clock, @Reference Ledger ledger,
            @Reference AuditLog audit, @Reference AccessPolicy policy, @Reference ConfigurationAdmin configurations,
            @Reference Node node, BackupConfig config) {
        this.dataSource = dataSource;
        this.keys = node.keys();
        this.policy = policy;
        this.scheduler = scheduler;
        this.clock = clock;
        this.ledger = ledger;
        this.audit = audit;
        this.configurations = configurations;
        this.config = config;
        schedule = schedule(config);
    }

    @Modified
    synchronized void modified(BackupConfig newConfig) throws Exception {
        config = newConfig;
        schedule.close();
        schedule = schedule(newConfig);
    }

    @Deactivate
    synchronized void deactivate() throws Exception {
        schedule.close();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addFiles(BackedUpFiles folder) {
        files.add(folder);
    }

    void removeFiles(BackedUpFiles folder) {
        files.remove(folder);
    }

    @Override
    public Backup start(Caller caller) {
        policy.require(caller, Operation.CREATE, Scope.platform(RecordKind.BACKUP, null));
        Backup begun = begin(caller);
        scheduler.run(JOB, Duration.ofHours(config.limitHours()), () -> take(begun));
        return begun;
    }

    @Override
    public List<Backup> list(Caller caller) {
        policy.require(caller, Operation.READ, Scope.platform(RecordKind.BACKUP, null));
        List<Backup> backups = new ArrayList<>(folders().complete());
        synchronized (this) {
            for (Backup now : new Backup[] {running, lastFailed}) {
                if (now != null) {
                    backups.add(now);
                }
            }
        }
        backups.sort(Comparator.comparing(Backup::id).reversed());
        return backups;
    }

    @Override
    public Backup get(Caller caller, String id) {
        return list(caller).stream().filter(backup -> backup.id().equals(id)).findFirst()
                .orElseThrow(() -> new NotFoundException("There is no backup " + id + "."));
    }

    @Override
    public CompletionStage<Backup> ended(Caller caller, String id) {
        Backup backup = get(caller, id);
        synchronized (this) {
            if (running != null && running.id().equals(id)) {
                return runningEnd;
            }
        }
        return CompletableFuture.completedFuture(backup);
    }

    private AutoCloseable schedule(BackupConfig settings) {
        if (settings.everyHours() <= 0) {
            return () -> { };
        }
        ZonedDateTime now = clock.instant().atZone(CHINA);
        ZonedDateTime first = now.with(LocalTime.parse(settings.at()));
        if (!first.isAfter(now)) {
            first = first.plusDays(1);
        }
        return scheduler.every(JOB, Duration.between(now, first), Duration.ofHours(settings.everyHours()),
                Duration.ofHours(settings.limitHours()), this::scheduled);
    }

    private void scheduled() {
        Backup begun;
        try {
            begun = begin(Caller.system());
        } catch (ConflictException e) {
            LOG.warn("The scheduled backup was not taken: {}", e.getMessage());
            return;
        }
        take(begun);
    }

    private synchronized Backup begin(Caller caller) {
        if (running != null) {
            throw new ConflictException("A backup is under way: " + running.id() + ".");
        }
        BackupFolders folders = folders();
        Instant started = clock.instant();
        String id = BackupFolders.id(started);
        if (Files.exists(folders.of(id))) {
            throw new ConflictException("A backup was taken this millisecond: " + id + ".");
        }
        running = new Backup(id, Backup.State.RUNNING, started, null, null, 0, null, 0, 0, 0,
                folders.of(id).toString(), folders.keysOf(id).toString(), null);
        runningEnd = new CompletableFuture<>();
        audit.record(caller, "backup.started", "backup:" + id, null, "success", null);
        return running;
    }

    /** Takes the begun backup on this thread, and keeps no more than the configured count. */
    private void take(Backup begun) {
        Backup result;
        BackupFolders folders = folders();
        try {
            folders.removePartials();
            result = new BackupRun(folders, databaseCopy(), List.copyOf(files), keys, ledger, clock)
                    .run(begun.id(), begun.started());
            List<Backup> complete = folders.complete();
            for (Backup old : complete.subList(Math.min(complete.size(), Math.max(1, config.keep())),
                    complete.size())) {
                folders.remove(old.id());
            }
            audit.record(Caller.system(), "backup.completed", "backup:" + begun.id(), null, "success",
                    result.databaseBytes() + " database bytes, " + result.files() + " files");
            LOG.info("Backup {} complete in {}: {} bytes of database, {} files ({} linked to the previous backup)",
                    begun.id(), Duration.between(begun.started(), result.ended()), result.databaseBytes(),
                    result.files(), result.linkedFiles());
        } catch (Exception | LinkageError e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            result = new Backup(begun.id(), Backup.State.FAILED, begun.started(), clock.instant(), null, 0, null, 0,
                    0, 0, begun.folder(), begun.keysFolder(), String.valueOf(e.getMessage()));
            removePartials(folders);
            audit.record(Caller.system(), "backup.failed", "backup:" + begun.id(), null, "failure",
                    result.failure());
            LOG.error("Backup {} failed", begun.id(), e);
        }
        ended(result);
    }

    private synchronized void ended(Backup result) {
        running = null;
        if (result.state() == Backup.State.FAILED) {
            lastFailed = result;
        }
        runningEnd.complete(result);
    }

    private DatabaseCopy databaseCopy() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData database = connection.getMetaData();
            String product = database.getDatabaseProductName();
            if (product.contains("Derby")) {
                return new DerbyBackup(dataSource);
            }
            if (product.contains("PostgreSQL")) {
                String programs = config.postgresqlPrograms();
                return new PostgresqlDump(programs.isBlank() ? null : Path.of(programs), database.getURL(),
                        database.getUserName(), dataSourcePassword());
            }
            throw new SQLException("no backup is known for a database of " + product);
        }
    }

    /** The password of the platform's data source, which pg_dump needs as the platform does. */
    private String dataSourcePassword() {
        try {
            Configuration[] found = configurations.listConfigurations("(dataSourceName=anxun)");
            Object password = found == null ? null : found[0].getProperties().get("password");
            return password == null ? null : password.toString();
        } catch (IOException | InvalidSyntaxException e) {
            throw new IllegalStateException("the data source's configuration cannot be read", e);
        }
    }

    private BackupFolders folders() {
        BackupConfig settings = config;
        try {
            return new BackupFolders(folder(settings.location(), "backups"), folder(settings.keysLocation(),
                    "backup-keys"));
        } catch (IllegalArgumentException e) {
            throw new ConflictException("No backup can be taken: " + e.getMessage() + ".");
        }
    }

    private static void removePartials(BackupFolders folders) {
        try {
            folders.removePartials();
        } catch (IOException e) {
            LOG.warn("What the failed backup wrote could not all be removed", e);
        }
    }

    private static Path folder(String configured, String inData) {
        return configured.isBlank() ? data().resolve(inData) : Path.of(configured);
    }

    private static Path data() {
        return Path.of(System.getProperty("karaf.data", "data"));
    }
}
