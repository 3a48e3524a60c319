package cn.anxun.media.internal;

import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.persistence.PersistenceException;

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

import cn.anxun.platform.persistence.DatabaseFailure;
import cn.anxun.api.media.Finding;
import cn.anxun.api.media.MediaFile;
import cn.anxun.api.media.MediaReport;
import cn.anxun.api.media.MediaValidator;
import cn.anxun.identity.NotFoundException;
import cn.anxun.media.Validation;
import cn.anxun.media.Validation.Run.Status;

/**
 * Runs the installed validators over stored media on background threads, and keeps their runs in
 * {@code MEDIA_VALIDATION}. A run is queued for every validator that reads a file's type when the file is stored,
 * and for every stored file when a validator arrives; runs a restart or a leaving validator interrupted are queued
 * again.
 */
@Component(service = ValidationQueue.class, configurationPid = MediaConfig.PID)
public class ValidationQueue {

    private static final Logger LOG = LoggerFactory.getLogger(ValidationQueue.class);
    private static final List<Status> UNFINISHED = List.of(Status.QUEUED, Status.RUNNING);
    private static final int STOP_SECONDS = 10;

    private final JpaTemplate jpa;
    private volatile MediaStore store;
    private final Clock clock;
    private final Map<String, MediaValidator> validators = new ConcurrentHashMap<>();
    /** The work on each queued row, to interrupt when its validator leaves. */
    private final Map<String, Future<?>> running = new ConcurrentHashMap<>();
    /** The validator of each row being validated. */
    private final Map<String, String> validating = new ConcurrentHashMap<>();
    private final ExecutorService workers;

    @Activate
    public ValidationQueue(@Reference(target = "(osgi.unit.name=anxun-media)") JpaTemplate jpa,
            @Reference Clock clock, MediaConfig config) {
        this.clock = clock;
        this.jpa = jpa;
        this.store = MediaStore.of(config);
        AtomicInteger count = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(Math.max(1, config.validationThreads()),
                runnable -> new Thread(runnable, "anxun-media-validation-" + count.incrementAndGet()));
        workers.execute(this::resumeUnfinished);
    }

    /** A new folder applies at once; a new number of threads when the platform starts again. */
    @Modified
    void modified(MediaConfig config) {
        store = MediaStore.of(config);
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        workers.shutdownNow();
        if (!workers.awaitTermination(STOP_SECONDS, TimeUnit.SECONDS)) {
            LOG.warn("a media validator did not stop within {} s; its run is queued again at the next start",
                    STOP_SECONDS);
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addValidator(MediaValidator validator) {
        validators.put(validator.id(), validator);
        LOG.info("media validator {} ({}) installed for {}", validator.id(), validator.label(),
                validator.mediaTypes());
        workers.execute(() -> {
            queueStoredFor(validator);
            resumeUnfinished();
        });
    }

    void removeValidator(MediaValidator validator) {
        if (validators.remove(validator.id(), validator)) {
            validating.forEach((row, id) -> {
                Future<?> work = running.get(row);
                if (id.equals(validator.id()) && work != null) {
                    work.cancel(true);
                    // the row is queued again by the run it stops; a validator that comes back resubmits it
                    running.remove(row, work);
                }
            });
            LOG.info("media validator {} removed; its findings are kept", validator.id());
        }
    }

    /** Queues a run of every installed validator that reads the file: when it is stored, or to run them again. */
    void queue(String mediaId) {
        MediaRecord media = jpa.txExpr(TransactionType.Required, em -> em.find(MediaRecord.class, mediaId));
        validators.values().stream().filter(v -> handles(v, media.mediaType()))
                .forEach(v -> queue(mediaId, v.id()));
    }

    Validation validation(String mediaId) {
        return jpa.txExpr(TransactionType.Required, em -> {
            MediaRecord media = em.find(MediaRecord.class, mediaId);
            if (media == null) {
                throw new NotFoundException("There is no media " + mediaId + ".");
            }
            List<ValidationRecord> records = em.createNamedQuery(ValidationRecord.OF_MEDIA, ValidationRecord.class)
                    .setParameter("media", mediaId).getResultList();
            return summary(media, records.stream().map(r -> r.view(validators.containsKey(r.validator()))).toList());
        });
    }

    private Validation summary(MediaRecord media, List<Validation.Run> runs) {
        List<String> readers = validators.values().stream().filter(v -> handles(v, media.mediaType()))
                .map(MediaValidator::id).toList();
        boolean pending = readers.stream().anyMatch(id -> runs.stream().noneMatch(run -> run.validator().equals(id)
                && (run.status() == Status.DONE || run.status() == Status.FAILED)));
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
        String row;
        try {
            row = queueRow(mediaId, validatorId);
        } catch (PersistenceException e) {
            if (!DatabaseFailure.isConflict(e)) {
                throw e;
            }
            // queued at the same moment by another node or thread: take that row
            row = queueRow(mediaId, validatorId);
        }
        submit(row);
    }

    /** The row of the run, queued again or new. */
    private String queueRow(String mediaId, String validatorId) {
        return jpa.txExpr(TransactionType.Required, em -> {
            Optional<ValidationRecord> earlier = em.createNamedQuery(ValidationRecord.OF_MEDIA,
                    ValidationRecord.class).setParameter("media", mediaId).getResultStream()
                    .filter(r -> r.validator().equals(validatorId)).findFirst();
            if (earlier.isPresent()) {
                earlier.get().queued(clock.instant());
                return earlier.get().id();
            }
            ValidationRecord record = new ValidationRecord(UUID.randomUUID().toString(), mediaId, validatorId,
                    clock.instant());
            em.persist(record);
            return record.id();
        });
    }

    private void submit(String row) {
        running.computeIfAbsent(row, id -> workers.submit(() -> run(id)));
    }

    private void run(String row) {
        try {
            ValidationRecord record = jpa.txExpr(TransactionType.Required, em -> {
                ValidationRecord found = em.find(ValidationRecord.class, row);
                if (found == null || !validators.containsKey(found.validator()) || !UNFINISHED.contains(
                        found.status())) {
                    return null;
                }
                found.running();
                return found;
            });
            if (record != null) {
                validating.put(row, record.validator());
                validate(record);
            }
        } catch (RuntimeException e) {
            LOG.error("validation {} could not be recorded", row, e);
        } finally {
            validating.remove(row);
            running.remove(row);
        }
        if (!Thread.currentThread().isInterrupted() && queuedAgain(row)) {
            submit(row);
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
        boolean stopped = Thread.currentThread().isInterrupted() || validators.get(record.validator()) != validator
                || report == null && failure == null;
        MediaReport result = report;
        Finding why = failure;
        boolean recorded = jpa.txExpr(TransactionType.Required, em -> {
            ValidationRecord stored = em.find(ValidationRecord.class, record.id());
            if (stored == null || stored.generation() != record.generation()) {
                return false;
            }
            if (stopped) {
                stored.queued(clock.instant());
            } else if (why == null) {
                stored.done(result, clock.instant());
            } else {
                stored.failed(why, clock.instant());
            }
            return !stopped;
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
