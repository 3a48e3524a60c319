package cn.anxun.face.internal;

import java.nio.ByteBuffer;
import java.util.Base64;

import cn.anxun.api.face.FaceTemplate;
import cn.anxun.identity.Sealing;

/** Templates sealed as personal data: a face's template identifies its person as the photo does. */
final class Templates {

    private final Sealing sealing;

    Templates(Sealing sealing) {
        this.sealing = sealing;
    }

    String seal(FaceTemplate template, String context) {
        ByteBuffer bytes = ByteBuffer.allocate(template.vector().length * Float.BYTES);
        bytes.asFloatBuffer().put(template.vector());
        return Base64.getEncoder().encodeToString(sealing.seal(bytes.array(), context));
    }

    FaceTemplate open(String model, String sealed, String context) {
        ByteBuffer bytes = ByteBuffer.wrap(sealing.open(Base64.getDecoder().decode(sealed), context));
        float[] vector = new float[bytes.remaining() / Float.BYTES];
        bytes.asFloatBuffer().get(vector);
        return FaceTemplate.of(model, vector);
    }

    static String referenceContext(String learnerId) {
        return "face-template:" + learnerId;
    }

    static String captureContext(String checkId) {
        return "face-capture-template:" + checkId;
    }
}
