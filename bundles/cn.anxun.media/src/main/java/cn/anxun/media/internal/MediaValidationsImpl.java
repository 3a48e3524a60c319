package cn.anxun.media.internal;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.anxun.identity.AccessPolicy;
import cn.anxun.identity.AuditLog;
import cn.anxun.identity.Caller;
import cn.anxun.identity.Operation;
import cn.anxun.identity.RecordKind;
import cn.anxun.identity.Scope;
import cn.anxun.institutions.Registrations;
import cn.anxun.media.Media;
import cn.anxun.media.MediaLibrary;
import cn.anxun.media.MediaValidations;
import cn.anxun.media.Validation;

/** The validations, read by those who may read the media. */
@Component(service = MediaValidations.class)
public class MediaValidationsImpl implements MediaValidations {

    private final MediaLibrary library;
    private final ValidationQueue queue;
    private final AuditLog audit;
    private final AccessPolicy policy;
    private final Registrations registrations;

    @Activate
    public MediaValidationsImpl(@Reference MediaLibrary library, @Reference ValidationQueue queue,
            @Reference AuditLog audit, @Reference AccessPolicy policy, @Reference Registrations registrations) {
        this.library = library;
        this.policy = policy;
        this.registrations = registrations;
        this.queue = queue;
        this.audit = audit;
    }

    @Override
    public Validation of(Caller caller, String mediaId) {
        library.media(caller, mediaId);
        return of(mediaId);
    }

    @Override
    public Validation of(String mediaId) {
        return of(List.of(mediaId)).get(mediaId);
    }

    @Override
    public Map<String, Validation> of(Collection<String> mediaIds) {
        return queue.validations(mediaIds);
    }

    @Override
    public Validation revalidate(Caller caller, String mediaId) {
        Media media = library.media(caller, mediaId);
        policy.require(caller, Operation.UPDATE, registrations.scope(RecordKind.MEDIA, mediaId, media.institutionId()));
        queue.queue(mediaId, em -> audit.record(em, caller, "media.revalidated", "media:" + mediaId, null, "success",
                null));
        return of(mediaId);
    }

    @Override
    public List<Validation.Parked> parked(Caller caller) {
        policy.require(caller, Operation.READ, Scope.platform(RecordKind.PLATFORM_JOBS, null));
        return queue.parked();
    }
}
