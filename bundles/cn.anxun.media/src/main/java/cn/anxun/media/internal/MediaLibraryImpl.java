package cn.anxun.media.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import javax.persistence.LockModeType;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.anxun.identity.AccessPolicy;
import cn.anxun.identity.AuditLog;
import cn.anxun.identity.Caller;
import cn.anxun.identity.ConflictException;
import cn.anxun.identity.FileNames;
import cn.anxun.identity.InvalidInputException;
import cn.anxun.identity.NotFoundException;
import cn.anxun.identity.Operation;
import cn.anxun.identity.RecordKind;
import cn.anxun.identity.Scope;
import cn.anxun.institutions.Registrations;
import cn.anxun.media.Media;
import cn.anxun.media.MediaContent;
import cn.anxun.media.MediaLibrary;
import cn.anxun.media.Upload;
import cn.anxun.platform.jobs.Scheduler;
import cn.anxun.platform.persistence.DatabaseFailure;

/** Uploads and media in the tables {@code MEDIA_UPLOAD} and {@code MEDIA}, their bytes in the {@link MediaStore}. */
@Component(service = MediaLibrary.class, configurationPid = MediaConfig.PID)
@Designate(ocd = MediaConfig.class)
public class MediaLibraryImpl implements MediaLibrary {

    private static final Logger LOG = LoggerFactory.getLogger(MediaLibraryImpl.class);

    private final JpaTemplate jpa;
    private final AuditLog audit;
    private final ValidationQueue validations;
    private final Registrations registrations;
    private final AccessPolicy policy;
    private final Clock clock;
    private final AutoCloseable purge;
    private volatile MediaConfig config;
    private volatile MediaStore store;

    @Activate
    public MediaLibraryImpl(@Reference(target = "(osgi.unit.name=anxun-media)") JpaTemplate jpa, @Reference Clock clock,
            @Reference AuditLog audit, @Reference ValidationQueue validations, @Reference Registrations registrations,
            @Reference Scheduler scheduler, @Reference AccessPolicy policy, MediaConfig config) {
        this.clock = clock;
        this.policy = policy;
        this.jpa = jpa;
        this.audit = audit;
        this.validations = validations;
        this.registrations = registrations;
        modified(config);
        purge = scheduler.every("expired uploads discarded", Duration.ofMinutes(1), Duration.ofHours(1),
                Duration.ofMinutes(10), this::discardExpiredUploads);
    }

    @Modified
    void modified(MediaConfig newConfig) {
        store = MediaStore.of(newConfig);
        config = newConfig;
        LOG.info("media files are kept in {}", store.root().toAbsolutePath());
    }

    @Deactivate
    void deactivate() throws Exception {
        purge.close();
    }

    @Override
    public Upload startUpload(Caller caller, String institutionId, String filename, long size) {
        requireUploader(caller, "new", institutionId);
        String name = FileNames.checked("filename", filename, null, null);
        if (size <= 0 || size > config.maxBytes()) {
            throw new InvalidInputException("size", "max-size", "must be from 1 to " + config.maxBytes() + " bytes");
        }
        UploadRecord record = new UploadRecord(UUID.randomUUID().toString(), institutionId, name, size,
                caller.name(), expiry());
        jpa.tx(TransactionType.Required, em -> em.persist(record));
        return view(record, null);
    }

    /** An upload is discarded this long after its last chunk. */
    private java.time.Instant expiry() {
        return clock.instant().plus(Duration.ofHours(config.uploadExpiryHours()));
    }

    @Override
    public Upload upload(Caller caller, String uploadId) {
        UploadRecord record = uploadOf(caller, uploadId);
        return view(record, record.mediaId() == null ? null : media(record.mediaId()));
    }

    @Override
    public Upload appendChunk(Caller caller, String uploadId, long offset, long length, InputStream chunk) {
        UploadRecord upload = uploadOf(caller, uploadId);
        if (upload.mediaId() != null) {
            throw new ConflictException("The upload " + uploadId + " is complete; its media is " + upload.mediaId()
                    + ".");
        }
        if (length <= 0 || length > config.chunkMaxBytes()) {
            throw new InvalidInputException("Content-Range", "chunk-size", "a chunk has 1 to "
                    + config.chunkMaxBytes() + " bytes");
        }
        if (offset < 0 || offset + length > upload.size()) {
            throw new InvalidInputException("Content-Range", "chunk-range", "must lie within the "
                    + upload.size() + " bytes announced");
        }
        if (store.received(upload.id()) < upload.size()) {
            long received = append(upload, offset, length, chunk);
            jpa.tx(TransactionType.Required, em -> em.find(UploadRecord.class, uploadId).expiresAt(expiry()));
            if (received < upload.size()) {
                return view(upload, null);
            }
        }
        // also a retry after a completion that broke off: every byte is there, the media not yet recorded
        return view(upload, finish(caller, upload));
    }

    private long append(UploadRecord upload, long offset, long length, InputStream chunk) {
        try {
            return store.append(upload.id(), offset, length, chunk);
        } catch (MediaStore.ChunkRefused refused) {
            throw switch (refused.reason()) {
                case BUSY -> new ConflictException("Another chunk of this upload is being written; send chunks one "
                        + "after the other.");
                case WRONG_OFFSET -> new ConflictException("The upload has received " + store.received(upload.id())
                        + " bytes; send the chunk that starts there.");
                case TOO_SHORT -> new InvalidInputException("body", "chunk-length", "the body ended before the "
                        + length + " bytes its Content-Range announced; none of it was kept");
                case TOO_LONG -> new InvalidInputException("body", "chunk-length", "the body has more than the "
                        + length + " bytes its Content-Range announced; none of it was kept");
            };
        } catch (IOException e) {
            throw new UncheckedIOException("the chunk of upload " + upload.id() + " cannot be stored", e);
        }
    }

    /** Types the file, keeps it by its digest and records the media; a refused type leaves nothing behind. */
    private Media finish(Caller caller, UploadRecord upload) {
        String type;
        String sha256;
        try {
            try (InputStream bytes = store.read(upload.id())) {
                type = ContentTypes.detect(bytes);
            }
            if (!ContentTypes.accepted(type)) {
                store.discard(upload.id());
                jpa.tx(TransactionType.Required, em -> em.remove(em.find(UploadRecord.class, upload.id())));
                throw new InvalidInputException("body", "media-type", "must be a video, an audio file or a picture; "
                        + "its bytes are " + type + ". The upload was discarded");
            }
            sha256 = store.digest(upload.id());
            store.keep(upload.id(), sha256);
        } catch (IOException e) {
            throw new UncheckedIOException("the upload " + upload.id() + " cannot be stored", e);
        }
        // the same bytes stored at the same moment by another upload: read what it recorded
        Recorded recorded = DatabaseFailure.onConflict(() -> record(caller, upload, type, sha256),
                () -> record(caller, upload, type, sha256));
        store.discardQuietly(upload.id());
        if (recorded.added()) {
            validations.queue(recorded.media().id());
        }
        return recorded.media();
    }

    private record Recorded(Media media, boolean added) {
    }

    /** The media of the upload: recorded now, or before for the same bytes or by an earlier completion. */
    private Recorded record(Caller caller, UploadRecord upload, String type, String sha256) {
        return jpa.txExpr(TransactionType.Required, em -> {
            UploadRecord locked = em.find(UploadRecord.class, upload.id(), LockModeType.PESSIMISTIC_WRITE);
            if (locked == null) {
                throw new NotFoundException("The upload " + upload.id() + " expired while it completed.");
            }
            if (locked.mediaId() != null) {
                return new Recorded(em.find(MediaRecord.class, locked.mediaId()).view(), false);
            }
            MediaRecord record = em.createNamedQuery(MediaRecord.SAME_BYTES, MediaRecord.class)
                    .setParameter("institution", upload.institutionId()).setParameter("sha256", sha256)
                    .getResultStream().findFirst().orElse(null);
            boolean added = record == null;
            if (added) {
                record = new MediaRecord(UUID.randomUUID().toString(), upload, type, sha256, clock.instant(),
                        caller.name());
                em.persist(record);
                audit.record(em, caller, "media.uploaded", "media:" + record.view().id(), null, "success",
                        type + ", " + upload.size() + " bytes, sha-256 " + sha256);
            }
            locked.completed(record.view().id());
            return new Recorded(record.view(), added);
        });
    }

    @Override
    public Media media(Caller caller, String mediaId) {
        Media media = media(mediaId);
        policy.require(caller, Operation.READ, registrations.scope(RecordKind.MEDIA, mediaId, media.institutionId()));
        return media;
    }

    @Override
    public List<Media> ofInstitution(Caller caller, String institutionId) {
        policy.require(caller, Operation.READ, registrations.scope(RecordKind.MEDIA, institutionId, institutionId));
        return jpa.txExpr(TransactionType.Required, em -> em.createNamedQuery(MediaRecord.OF_INSTITUTION,
                MediaRecord.class).setParameter("institution", institutionId).getResultStream()
                .map(MediaRecord::view).toList());
    }

    @Override
    public MediaContent content(Caller caller, String mediaId) {
        Media media = media(caller, mediaId);
        return new MediaContent(media, store.file(media.sha256()));
    }

    @Override
    public MediaContent contentOf(String mediaId) {
        Media media = media(mediaId);
        return new MediaContent(media, store.file(media.sha256()));
    }

    private Media media(String mediaId) {
        MediaRecord record = jpa.txExpr(TransactionType.Required, em -> em.find(MediaRecord.class, mediaId));
        if (record == null) {
            throw new NotFoundException("There is no media " + mediaId + ".");
        }
        return record.view();
    }

    private UploadRecord uploadOf(Caller caller, String uploadId) {
        caller.requireLogin("upload media");
        UploadRecord record = jpa.txExpr(TransactionType.Required, em -> em.find(UploadRecord.class, uploadId));
        // an unfinished upload past its time is gone, whether or not the hourly purge has removed it yet
        if (record == null || record.mediaId() == null && record.expiresAt().isBefore(clock.instant())) {
            throw new NotFoundException("There is no upload " + uploadId + "; unfinished uploads are discarded "
                    + config.uploadExpiryHours() + " hours after they start.");
        }
        requireUploader(caller, "upload-" + uploadId, record.institutionId());
        return record;
    }

    private void requireUploader(Caller caller, String id, String institutionId) {
        policy.require(caller, Operation.CREATE, Scope.institution(RecordKind.MEDIA, id, institutionId, List.of()));
    }

    private Upload view(UploadRecord record, Media media) {
        long received = media != null ? record.size() : store.received(record.id());
        return new Upload(record.id(), record.institutionId(), record.filename(), record.size(), received,
                config.chunkMaxBytes(), record.expiresAt(), media);
    }

    private void discardExpiredUploads() {
        try {
            List<String> expired = jpa.txExpr(TransactionType.Required, em -> em.createNamedQuery(
                    UploadRecord.EXPIRED, UploadRecord.class).setParameter("now", clock.millis()).getResultStream()
                    .map(UploadRecord::id).toList());
            int discarded = 0;
            for (String id : expired) {
                if (store.discardIfIdle(id)) {
                    jpa.tx(TransactionType.Required, em -> em.remove(em.find(UploadRecord.class, id)));
                    discarded++;
                }
            }
            if (discarded > 0) {
                LOG.info("{} unfinished uploads expired and were discarded", discarded);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("unfinished uploads could not be discarded; trying again in an hour", e);
        }
    }
}
