package cn.anxun.face.internal;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.anxun.api.face.FaceReason;
import cn.anxun.identity.ReferencePhotoCheck;
import cn.anxun.identity.ServiceUnavailableException;
import cn.anxun.identity.Violation;

/** A reference photo must show exactly one face of usable quality, as the city's face provider sees it. */
@Component
public class ReferencePhotoCheckImpl implements ReferencePhotoCheck {

    private static final Map<FaceReason, String> MESSAGES = Map.of(
            FaceReason.INVALID_IMAGE, "could not be read by the face provider",
            FaceReason.NO_FACE, "must show a face; none was found",
            FaceReason.MULTIPLE_FACES, "must show one face only; more than one was found",
            FaceReason.FACE_TOO_SMALL, "must show the face larger: it is too small to compare",
            FaceReason.FACE_BLURRED, "must be sharp: the face is blurred",
            FaceReason.FACE_TOO_DARK, "must be lit: the face is too dark");

    private final ProviderChoice providers;

    @Activate
    public ReferencePhotoCheckImpl(@Reference ProviderChoice providers) {
        this.providers = providers;
    }

    @Override
    public Optional<Violation> check(String field, byte[] photo, String city) {
        FaceReason problem = providers.detect(city, photo).problem();
        if (problem == null) {
            return Optional.empty();
        }
        if (!MESSAGES.containsKey(problem)) {
            throw new ServiceUnavailableException("No face provider can check the photo at the moment. Try again "
                    + "later; operators see it in the log.");
        }
        return Optional.of(new Violation(field, "face-" + problem.name().toLowerCase(Locale.ROOT).replace('_', '-'),
                MESSAGES.get(problem)));
    }
}
