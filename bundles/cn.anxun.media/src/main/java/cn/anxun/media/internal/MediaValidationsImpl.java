package cn.anxun.media.internal;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.anxun.identity.AuditLog;
import cn.anxun.identity.Caller;
import cn.anxun.identity.Role;
import cn.anxun.media.MediaLibrary;
import cn.anxun.media.MediaValidations;
import cn.anxun.media.Validation;

/** The validations, read by those who may read the media. */
@Component(service = MediaValidations.class)
public class MediaValidationsImpl implements MediaValidations {

    private final MediaLibrary library;
    private final ValidationQueue queue;
    private final AuditLog audit;

    @Activate
    public MediaValidationsImpl(@Reference MediaLibrary library, @Reference ValidationQueue queue,
            @Reference AuditLog audit) {
        this.library = library;
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
        caller.require("validate media again", Role.OPERATOR, Role.INSTITUTION_ADMIN, Role.INSTITUTION_STAFF);
        library.media(caller, mediaId);
        queue.queue(mediaId, em -> audit.record(em, caller, "media.revalidated", "media:" + mediaId, null, "success",
                null));
        return of(mediaId);
    }

    @Override
    public List<Validation.Parked> parked(Caller caller) {
        caller.require("see parked validations", Role.OPERATOR);
        return queue.parked();
    }
}
