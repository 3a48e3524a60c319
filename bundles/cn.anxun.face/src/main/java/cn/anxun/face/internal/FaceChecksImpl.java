package cn.anxun.face.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.anxun.api.face.FaceProvider;
import cn.anxun.api.face.FaceTemplate;
import cn.anxun.face.FaceCheck;
import cn.anxun.face.FaceChecks;
import cn.anxun.identity.AccessPolicy;
import cn.anxun.identity.AuditLog;
import cn.anxun.identity.Caller;
import cn.anxun.identity.FaceImages;
import cn.anxun.identity.FacePhoto;
import cn.anxun.identity.InvalidInputException;
import cn.anxun.identity.Learner;
import cn.anxun.identity.Learners;
import cn.anxun.identity.NotFoundException;
import cn.anxun.identity.Operation;
import cn.anxun.identity.RecordKind;
import cn.anxun.identity.Sealing;
import cn.anxun.platform.jobs.Scheduler;

/**
 * Face checks in {@code FACE_CHECK}, their captures sealed in {@code FACE_CAPTURE} until their retention period ends;
 * expired captures are deleted every hour.
 */
@Component(service = FaceChecks.class, configurationPid = FaceConfig.PID, immediate = true)
public class FaceChecksImpl implements FaceChecks {

    private static final Logger LOG = LoggerFactory.getLogger(FaceChecksImpl.class);

    private final JpaTemplate jpa;
    private final Learners learners;
    private final ProviderChoice providers;
    private final Sealing sealing;
    private final Templates templates;
    private final AuditLog audit;
    private final AccessPolicy policy;
    private final Clock clock;
    private final AutoCloseable purge;
    private volatile FaceConfig config;

    @Activate
    public FaceChecksImpl(@Reference(target = "(osgi.unit.name=anxun-face)") JpaTemplate jpa, @Reference Clock clock,
            @Reference Learners learners, @Reference ProviderChoice providers, @Reference Sealing sealing,
            @Reference AuditLog audit, @Reference AccessPolicy policy, @Reference Scheduler scheduler,
            FaceConfig config) {
        this.clock = clock;
        this.jpa = jpa;
        this.learners = learners;
        this.providers = providers;
        this.sealing = sealing;
        this.templates = new Templates(sealing);
        this.audit = audit;
        this.policy = policy;
        this.config = config;
        purge = scheduler.every("expired face captures deleted", Duration.ZERO, Duration.ofHours(1),
                Duration.ofMinutes(10), this::deleteExpiredCaptures);
    }

    @Modified
    void modified(FaceConfig newConfig) {
        config = newConfig;
    }

    @Deactivate
    void deactivate() throws Exception {
        purge.close();
    }

    @Override
    public FaceCheck check(Caller caller, String learnerId, byte[] capture, FaceCheck.Purpose purpose) {
        caller.requireLogin("take a face check");
        FaceImages.check("capture", capture).ifPresent(violation -> {
            throw new InvalidInputException(List.of(violation));
        });
        if (purpose == null) {
            throw new InvalidInputException("purpose", "required", "is one of STUDY_START, DURING_STUDY, EXAM, TRIAL");
        }
        Learner learner = learners.get(caller, learnerId);
        FacePhoto reference = learners.referencePhotoForCheck(caller, learnerId);
        String digest = digest(capture);
        String referenceDigest = digest(reference.bytes());
        boolean copied = digest.equals(referenceDigest) || jpa.txExpr(TransactionType.Required,
                em -> em.createNamedQuery(FaceCheckRecord.SEEN, Long.class).setParameter("learner", learnerId)
                        .setParameter("digest", digest).getSingleResult() > 0);
        ProviderChoice.Compared compared = copied ? ProviderChoice.Compared.REPLAY
                : providers.compare(learner.city(), reference.bytes(),
                        (provider, model) -> referenceTemplate(learnerId, referenceDigest, reference.bytes(), provider,
                                model), capture);
        boolean replayed = copied || nearIdentical(learnerId, compared);
        ProviderChoice.Compared decided = replayed ? ProviderChoice.Compared.REPLAY : compared;
        Instant now = clock.instant();
        Instant keptUntil = now.plus(Duration.ofDays(config.captureRetentionDays()));
        String mediaType = FaceImages.mediaType(capture).orElseThrow();
        return jpa.txExpr(TransactionType.Required, em -> {
            FaceCheckRecord record = new FaceCheckRecord(learnerId, purpose, decided, now, keptUntil, digest);
            em.persist(record);
            if (replayed) {
                audit.record(em, caller, "face-check.suspected-replay", "learner:" + learnerId, learner.city(),
                        "denied", "face check " + record.id() + ": a copy of the reference photo or an earlier "
                                + "capture");
            }
            FaceTemplate live = compared.live();
            em.persist(new FaceCaptureRecord(record.id(), mediaType,
                    sealing.seal(capture, FaceCaptureRecord.context(learnerId, record.id())), keptUntil,
                    live == null ? null : live.model(),
                    live == null ? null : templates.seal(live, Templates.captureContext(record.id()))));
            return record.view().withoutScore();
        });
    }

    /**
     * Whether the capture's template is so close to the reference photo's or to one of the learner's latest
     * captures' that it is a copy of a picture, not a face in front of the camera.
     */
    private boolean nearIdentical(String learnerId, ProviderChoice.Compared compared) {
        FaceTemplate live = compared.live();
        if (live == null) {
            return false;
        }
        double limit = config.replaySimilarity();
        if (compared.comparison().score() >= limit) {
            return true;
        }
        List<FaceCaptureRecord> latest = jpa.txExpr(TransactionType.Required, em -> em.createNamedQuery(
                FaceCaptureRecord.LATEST_TEMPLATES, FaceCaptureRecord.class).setParameter("learner", learnerId)
                .setParameter("model", live.model()).setMaxResults(config.replayLookback()).getResultList());
        return latest.stream().filter(capture -> capture.template() != null).anyMatch(capture -> compared.similarity()
                .applyAsDouble(live, templates.open(capture.model(), capture.template(),
                        Templates.captureContext(capture.checkId()))) >= limit);
    }

    /** The reference photo's template under the model, kept sealed; made again when the photo or model changed. */
    private FaceTemplate referenceTemplate(String learnerId, String photoDigest, byte[] photo, FaceProvider provider,
            String model) {
        String context = Templates.referenceContext(learnerId);
        TemplateRecord kept = jpa.txExpr(TransactionType.Required, em -> em.find(TemplateRecord.class, learnerId));
        if (kept != null && kept.of(photoDigest, model)) {
            return templates.open(model, kept.sealed(), context);
        }
        FaceTemplate made = provider.template(photo).orElseThrow(() -> new IllegalStateException(provider.id()
                + " made a template of a capture but not of a reference photo"));
        if (made.problem() == null && made.model().equals(model)) {
            String sealed = templates.seal(made, context);
            jpa.tx(TransactionType.Required, em -> {
                TemplateRecord record = em.find(TemplateRecord.class, learnerId);
                if (record == null) {
                    em.persist(new TemplateRecord(learnerId, photoDigest, model, sealed, clock.instant()));
                } else {
                    record.replace(photoDigest, model, sealed, clock.instant());
                }
            });
        }
        return made;
    }

    @Override
    public List<FaceCheck> ofLearner(Caller caller, String learnerId) {
        policy.require(caller, Operation.READ, learners.scope(RecordKind.FACE_CHECK, learnerId));
        boolean self = learnerId.equals(caller.accountId());
        return jpa.txExpr(TransactionType.Required, em -> em.createNamedQuery(FaceCheckRecord.OF_LEARNER,
                FaceCheckRecord.class).setParameter("learner", learnerId).getResultStream()
                .map(FaceCheckRecord::view).map(check -> self ? check.withoutScore() : check).toList());
    }

    @Override
    public FacePhoto capture(Caller caller, String checkId) {
        caller.requireLogin("see a face capture");
        FaceCheckRecord check = jpa.txExpr(TransactionType.Required, em -> checkId == null || checkId.length() > 36
                ? null : em.find(FaceCheckRecord.class, checkId));
        if (check == null) {
            throw new NotFoundException("There is no face check " + checkId + ".");
        }
        policy.require(caller, Operation.READ, learners.scope(RecordKind.FACE_CAPTURE, check.learnerId()));
        FaceCaptureRecord capture = jpa.txExpr(TransactionType.Required,
                em -> em.find(FaceCaptureRecord.class, checkId));
        if (capture == null || capture.expired(clock.millis())) {
            throw new NotFoundException("The capture of face check " + checkId + " was deleted when its retention "
                    + "period ended.");
        }
        FacePhoto photo = new FacePhoto(capture.mediaType(),
                sealing.open(capture.sealed(), FaceCaptureRecord.context(check.learnerId(), checkId)));
        audit.record(caller, "face-capture.read", "face-check:" + checkId, null, "success",
                "learner:" + check.learnerId());
        return photo;
    }

    private void deleteExpiredCaptures() {
        try {
            int deleted = jpa.txExpr(TransactionType.Required, em -> em.createNamedQuery(FaceCaptureRecord.EXPIRED)
                    .setParameter("now", clock.millis()).executeUpdate());
            if (deleted > 0) {
                LOG.info("deleted {} face captures whose retention period ended", deleted);
            }
        } catch (RuntimeException e) {
            LOG.warn("could not delete expired face captures; tried again in an hour", e);
        }
    }

    /** SHA-256 of the bytes, in hex: the same file gives the same digest. */
    private static String digest(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
