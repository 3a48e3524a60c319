package cn.anxun.media.internal;

import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.anxun.api.media.Finding;
import cn.anxun.api.media.MediaFile;
import cn.anxun.api.media.MediaReport;
import cn.anxun.api.media.MediaValidator;
import cn.anxun.identity.NotFoundException;
import cn.anxun.media.Validation;
import cn.anxun.media.Validation.Run.Status;
import cn.anxun.platform.jobs.Outcome;
import cn.anxun.platform.jobs.Scheduler;
import cn.anxun.platform.persistence.DatabaseFailure;
import cn.anxun.platform.persistence.KeyBatches;
import cn.anxun.platform.node.Node;

/**
 * Runs the installed validators over stored media on the platform's scheduler, and keeps their runs in
 * {@code MEDIA_VALIDATION}. A run is queued for every validator that reads a file's type when the file is stored,
 * and for every stored file when a validator arrives; runs a restart or a leaving validator interrupted are queued
 * again. Every start is counted: a run that did not finish (its time limit, an error such as running out of memory,
 * a restart in the middle) is queued again until {@link MediaConfig#validationAttempts()} starts, then parked with
 * its reason, so that one file can never hold the validators up.
 */
@Component(service = ValidationQueue.class, configurationPid = MediaConfig.PID)
public class ValidationQueue {

    private static final Logger LOG = LoggerFactory.getLogger(ValidationQueue.class);
    private static final List<Status> UNFINISHED = List.of(Status.QUEUED, Status.RUNNING);
    /** For the work around runs: finding what to queue, resuming after a start. */
    private static final Duration HOUSEKEEPING = Duration.ofMinutes(5);

    private final JpaTemplate jpa;
    private final Clock clock;
    private final Scheduler scheduler;
    private final String node;
    private final AutoCloseable resume;
    private volatile MediaConfig config;
    private volatile MediaStore store;
    private final Map<String, MediaValidator> validators = new ConcurrentHashMap<>();
    /** The scheduled run of each queued row, to stop when its validator leaves. */
    private final Map<String, Scheduler.Run> running = new ConcurrentHashMap<>();
    /** The validator of each row being validated. */
    private final Map<String, String> validating = new ConcurrentHashMap<>();

    @Activate
    public ValidationQueue(@Reference(target = "(osgi.unit.name=anxun-media)") JpaTemplate jpa,
            @Reference Clock clock, @Reference Scheduler scheduler, @Reference Node node, MediaConfig config) {
        this.clock = clock;
        this.jpa = jpa;
        this.scheduler = scheduler;
        this.node = node.name();
        modified(config);
        scheduler.run("media validations resumed", HOUSEKEEPING, this::resumeUnfinished);
        // what a node that stopped in the middle of a run left is taken over once the run's time limit passed
        this.resume = scheduler.every("media validations left unfinished taken over", HOUSEKEEPING, HOUSEKEEPING,
                HOUSEKEEPING, this::resumeUnfinished);
    }

    /** Runs stopped here are started again, and counted, when the platform starts again. */
    @Deactivate
    void deactivate() throws Exception {
        resume.close();
        running.values().forEach(Scheduler.Run::cancel);
    }

    /** A new folder and new limits apply to the next run. */
    @Modified
    void modified(MediaConfig newConfig) {
        config = newConfig;
        store = MediaStore.of(newConfig);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addValidator(MediaValidator validator) {
        validators.put(validator.id(), validator);
        LOG.info("media validator {} ({}) installed for {}", validator.id(), validator.label(),
                validator.mediaTypes());
        scheduler.run("media queued for validator " + validator.id(), HOUSEKEEPING, () -> {
            queueStoredFor(validator);
            resumeUnfinished();
        });
    }

    void removeValidator(MediaValidator validator) {
        if (validators.remove(validator.id(), validator)) {
            validating.forEach((row, id) -> {
                Scheduler.Run work = running.get(row);
                if (id.equals(validator.id()) && work != null && running.remove(row, work)) {
                    work.cancel();
                    // not the file's fault: queued again without the start, for the validator when it comes back
                    jpa.tx(TransactionType.Required, em -> {
                        ValidationRecord record = em.find(ValidationRecord.class, row);
                        if (record != null && record.status() == Status.RUNNING) {
                            record.putBack();
                        }
                    });
                }
            });
            LOG.info("media validator {} removed; its findings are kept", validator.id());
        }
    }

    /** Queues a run of every installed validator that reads the file: when it is stored, or to run them again. */
    void queue(String mediaId) {
        queue(mediaId, em -> { });
    }

    /** The same, with {@code alongside} written in the transaction that queues the runs: their audit row. */
    void queue(String mediaId, Consumer<EntityManager> alongside) {
        queued(() -> jpa.txExpr(TransactionType.Required, em -> {
            MediaRecord media = em.find(MediaRecord.class, mediaId);
            List<String> rows = validators.values().stream().filter(v -> handles(v, media.mediaType()))
                    .map(v -> queueRow(em, mediaId, v.id())).toList();
            alongside.accept(em);
            return rows;
        })).forEach(this::submit);
    }

    /** The validations of these files by media ID, read in a few queries whatever their number. */
    Map<String, Validation> validations(Collection<String> mediaIds) {
        return jpa.txExpr(TransactionType.Required, em -> {
            List<MediaRecord> media = KeyBatches.read(mediaIds, ids -> em.createNamedQuery(MediaRecord.WITH_IDS,
                    MediaRecord.class).setParameter("ids", ids).getResultList());
            Map<String, List<Validation.Run>> runs = KeyBatches.read(mediaIds, ids -> em.createNamedQuery(
                    ValidationRecord.OF_MEDIA, ValidationRecord.class).setParameter("media", ids).getResultList())
                    .stream().collect(Collectors.groupingBy(ValidationRecord::mediaId, Collectors.mapping(
                            r -> r.view(validators.containsKey(r.validator())), Collectors.toList())));
            Map<String, Validation> validations = new HashMap<>();
            media.forEach(m -> validations.put(m.id(), summary(m, runs.getOrDefault(m.id(), List.of()))));
            mediaIds.stream().filter(id -> !validations.containsKey(id)).findFirst().ifPresent(id -> {
                throw new NotFoundException("There is no media " + id + ".");
            });
            return validations;
        });
    }

    List<Validation.Parked> parked() {
        return jpa.txExpr(TransactionType.Required, em -> em.createNamedQuery(ValidationRecord.IN_STATUS,
                ValidationRecord.class).setParameter("status", Status.PARKED).getResultStream()
                .map(ValidationRecord::parked).toList());
    }

    private Validation summary(MediaRecord media, List<Validation.Run> runs) {
        List<String> readers = validators.values().stream().filter(v -> handles(v, media.mediaType()))
                .map(MediaValidator::id).toList();
        boolean pending = readers.stream().anyMatch(id -> runs.stream().noneMatch(run -> run.validator().equals(id)
                && List.of(Status.DONE, Status.FAILED, Status.PARKED).contains(run.status())));
        List<Finding> findings = new ArrayList<>();
        runs.forEach(run -> findings.addAll(run.findings()));
        if (readers.isEmpty() && runs.stream().noneMatch(run -> run.status() == Status.DONE)) {
            findings.add(Finding.blocking("no-validator", "No installed validator reads " + media.mediaType()
                    + " files. Transcode videos to H.264/AAC in MP4, sound to AAC, MP3 or WAV, pictures to JPEG or "
                    + "PNG, and upload again."));
        }
        Duration duration = runs.stream().filter(run -> run.status() == Status.DONE).map(Validation.Run::duration)
                .filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(null);
        return new Validation(media.id(), media.mediaType(), pending ? Validation.State.PENDING
                : Validation.State.DONE, duration, findings, runs);
    }

    private void queueStoredFor(MediaValidator validator) {
        List<String> media = jpa.txExpr(TransactionType.Required, em -> em.createNamedQuery(
                ValidationRecord.NOT_RUN_BY, MediaRecord.class).setParameter("validator", validator.id())
                .getResultStream().filter(m -> handles(validator, m.mediaType())).map(MediaRecord::id).toList());
        for (String id : media) {
            try {
                queue(id, validator.id());
            } catch (RuntimeException e) {
                LOG.error("media {} could not be queued for validator {}", id, validator.id(), e);
            }
        }
    }

    private void resumeUnfinished() {
        try {
            List<String> rows = jpa.txExpr(TransactionType.Required, em -> em.createNamedQuery(
                    ValidationRecord.UNFINISHED, ValidationRecord.class).setParameter("statuses", UNFINISHED)
                    .getResultStream().map(ValidationRecord::id).toList());
            rows.forEach(this::submit);
        } catch (RuntimeException e) {
            LOG.error("unfinished validations could not be resumed", e);
        }
    }

    private void queue(String mediaId, String validatorId) {
        queued(() -> jpa.txExpr(TransactionType.Required, em -> List.of(queueRow(em, mediaId, validatorId))))
                .forEach(this::submit);
    }

    /** Queues, once more if a run was queued at the same moment by another node or thread: that row is taken. */
    private static List<String> queued(Supplier<List<String>> queue) {
        return DatabaseFailure.onConflict(queue, queue);
    }

    /** The row of the run, queued again or new. */
    private String queueRow(EntityManager em, String mediaId, String validatorId) {
        Optional<ValidationRecord> earlier = em.createNamedQuery(ValidationRecord.OF_MEDIA, ValidationRecord.class)
                .setParameter("media", List.of(mediaId)).getResultStream()
                .filter(r -> r.validator().equals(validatorId)).findFirst();
        if (earlier.isPresent()) {
            earlier.get().queued(clock.instant());
            return earlier.get().id();
        }
        ValidationRecord record = new ValidationRecord(UUID.randomUUID().toString(), mediaId, validatorId,
                clock.instant());
        em.persist(record);
        return record.id();
    }

    private void submit(String row) {
        running.computeIfAbsent(row, id -> {
            Scheduler.Run run = scheduler.run("media validation " + id,
                    Duration.ofSeconds(Math.max(1, config.validationSeconds())), () -> run(id));
            run.outcome().thenAccept(outcome -> ended(id, run, outcome));
            return run;
        });
    }

    /** After each run: one that did not finish counts against its attempts; one queued again meanwhile runs again. */
    private void ended(String row, Scheduler.Run run, Outcome outcome) {
        validating.remove(row);
        if (!running.remove(row, run)) {
            return; // stopped because its validator left
        }
        try {
            if (outcome.kind() == Outcome.Kind.TIMED_OUT || outcome.kind() == Outcome.Kind.FAILED) {
                LOG.warn("validation {} did not finish: {}", row, outcome.detail());
                jpa.tx(TransactionType.Required, em -> {
                    ValidationRecord record = em.find(ValidationRecord.class, row);
                    if (record != null && record.status() == Status.RUNNING) {
                        record.interrupted(outcome.detail(), config.validationAttempts(), clock.instant());
                    }
                });
            }
            if (queuedAgain(row)) {
                submit(row);
            }
        } catch (RuntimeException e) {
            LOG.error("validation {} could not be recorded", row, e);
        }
    }

    private void run(String row) {
        Duration limit = Duration.ofSeconds(Math.max(1, config.validationSeconds()));
        ValidationRecord record = jpa.txExpr(TransactionType.Required, em -> {
            // locked, so that of two nodes that queued the row one starts it
            ValidationRecord found = em.find(ValidationRecord.class, row, LockModeType.PESSIMISTIC_WRITE);
            if (found == null || !validators.containsKey(found.validator()) || !UNFINISHED.contains(found.status())
                    || found.runningElsewhere(node, limit, clock.instant())) {
                return null;
            }
            return found.start(config.validationAttempts(), clock.instant(), node) ? found : null;
        });
        if (record != null) {
            validating.put(row, record.validator());
            validate(record);
        }
    }

    /** Whether the run was queued again while it ran, for a validator that is here. */
    private boolean queuedAgain(String row) {
        ValidationRecord record = jpa.txExpr(TransactionType.Required, em -> em.find(ValidationRecord.class, row));
        return record != null && record.status() == Status.QUEUED && validators.containsKey(record.validator());
    }

    private void validate(ValidationRecord record) {
        MediaValidator validator = validators.get(record.validator());
        MediaRecord media = jpa.txExpr(TransactionType.Required, em -> em.find(MediaRecord.class, record.mediaId()));
        MediaFile file = new MediaFile(store.file(media.sha256()), media.mediaType(), media.view().size());
        long started = System.nanoTime();
        MediaReport report = null;
        Finding failure = null;
        try {
            report = validator.validate(file);
            if (report == null) {
                failure = Finding.blocking("validator-failed", "The validator " + validator.id() + " gave no report.");
            }
        } catch (InterruptedIOException e) {
            failure = Thread.currentThread().isInterrupted() ? null : Finding.blocking("validator-failed",
                    "The validator " + validator.id() + " timed out reading the file: " + e.getMessage());
        } catch (Exception | LinkageError e) {
            failure = Finding.blocking("validator-failed", "The validator " + validator.id() + " could not read "
                    + "the file: " + e.getMessage());
            LOG.warn("validator {} failed on media {}", validator.id(), media.id(), e);
        }
        // any other Error (running out of memory) ends the run unfinished: the scheduler reports it, ended() counts it
        if (Thread.currentThread().isInterrupted() || validators.get(record.validator()) != validator
                || report == null && failure == null) {
            return; // stopped: by its time limit, counted when the run ends, or because its validator left
        }
        MediaReport result = report;
        Finding why = failure;
        boolean recorded = jpa.txExpr(TransactionType.Required, em -> {
            ValidationRecord stored = em.find(ValidationRecord.class, record.id());
            // a run abandoned at its limit may end long after its row was started again
            if (stored == null || stored.generation() != record.generation()) {
                return false;
            }
            if (why == null) {
                stored.done(result, clock.instant());
            } else {
                stored.failed(why, clock.instant());
            }
            return true;
        });
        if (recorded) {
            LOG.info("validator {} read media {} ({}, {} bytes) in {} ms: {}", validator.id(), media.id(),
                    media.mediaType(), file.size(), (System.nanoTime() - started) / 1_000_000,
                    why == null ? result.findings().size() + " findings" : "failed");
        }
    }

    static boolean handles(MediaValidator validator, String mediaType) {
        return validator.mediaTypes().stream().anyMatch(type -> type.equals(mediaType)
                || type.endsWith("/*") && mediaType.startsWith(type.substring(0, type.length() - 1)));
    }
}
