package cn.anxun.face.tencent.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.anxun.api.face.DetectedFace;
import cn.anxun.api.face.FaceComparison;
import cn.anxun.api.face.FaceDetection;
import cn.anxun.api.face.FaceProvider;
import cn.anxun.api.face.FaceReason;

/**
 * Tencent Cloud Face Recognition as a face provider: {@code DetectFace} with quality detection finds faces and
 * {@code CompareFace} compares them. CompareFace takes the largest face of each image, so the live capture is
 * first checked for a second face. Its score runs from 0 to 100.
 */
@Component(service = FaceProvider.class, configurationPid = TencentConfig.PID)
@Designate(ocd = TencentConfig.class)
public class TencentFaceProvider implements FaceProvider {

    /** For FaceModelVersion 3.0 Tencent puts a false-accept rate of 0.01% at 50. */
    static final double DEFAULT_THRESHOLD = 50;
    /** Tencent's advice for faces that are enrolled: sharpness of 80 and more, brightness of 30 and more. */
    private static final int MIN_SHARPNESS = 80;
    private static final int MIN_BRIGHTNESS = 30;
    private static final Logger LOG = LoggerFactory.getLogger(TencentFaceProvider.class);

    private final Clock clock;
    private volatile TencentConfig config;
    private volatile IaiClient client;

    @Activate
    public TencentFaceProvider(@Reference Clock clock, TencentConfig config) {
        this.clock = clock;
        modified(config);
    }

    @Modified
    void modified(TencentConfig newConfig) {
        config = newConfig;
        client = new IaiClient(newConfig, clock);
        if (newConfig.secretId().isBlank() || newConfig.secretKey().isBlank()) {
            LOG.warn("{}.cfg has no secretId or secretKey: every request will be refused", TencentConfig.PID);
        }
    }

    @Override
    public String id() {
        return "tencent-iai";
    }

    @Override
    public String label() {
        return "腾讯云人脸识别 (Tencent Cloud Face Recognition)";
    }

    @Override
    public double defaultThreshold() {
        return DEFAULT_THRESHOLD;
    }

    @Override
    public FaceDetection detect(byte[] image) {
        ObjectNode body = client.body();
        body.put("Image", Base64.getEncoder().encodeToString(VendorImages.fitted(image)));
        body.put("MaxFaceNum", 5);
        body.put("NeedQualityDetection", 1);
        body.put("FaceModelVersion", config.faceModelVersion());
        try {
            JsonNode answer = client.call("DetectFace", body);
            List<DetectedFace> faces = new ArrayList<>();
            for (JsonNode face : answer.path("FaceInfos")) {
                JsonNode quality = face.path("FaceQualityInfo");
                faces.add(new DetectedFace(face.path("X").asInt(), face.path("Y").asInt(), face.path("Width").asInt(),
                        face.path("Height").asInt(), 1, quality.path("Score").asDouble() / 100,
                        quality.path("Sharpness").asInt() < MIN_SHARPNESS ? FaceReason.FACE_BLURRED
                                : quality.path("Brightness").asInt() < MIN_BRIGHTNESS ? FaceReason.FACE_TOO_DARK
                                : null));
            }
            return FaceDetection.of(faces);
        } catch (IaiClient.Failure failure) {
            return FaceDetection.failed(reason(failure));
        }
    }

    @Override
    public FaceComparison compare(byte[] reference, byte[] live, double threshold) {
        FaceDetection capture = detect(live);
        if (capture.problem() != null) {
            return FaceComparison.undecided(capture.problem());
        }
        ObjectNode body = client.body();
        body.put("ImageA", Base64.getEncoder().encodeToString(VendorImages.fitted(reference)));
        body.put("ImageB", Base64.getEncoder().encodeToString(VendorImages.fitted(live)));
        body.put("FaceModelVersion", config.faceModelVersion());
        body.put("QualityControl", config.qualityControl());
        try {
            return FaceComparison.scored(client.call("CompareFace", body).path("Score").asDouble(), threshold);
        } catch (IaiClient.Failure failure) {
            return FaceComparison.undecided(reason(failure));
        }
    }

    /** What a refusal means for the platform; anything not about the images is the provider being unavailable. */
    private static FaceReason reason(IaiClient.Failure failure) {
        String code = failure.code();
        String last = code.substring(code.lastIndexOf('.') + 1);
        FaceReason reason = switch (last) {
            case "NoFaceInPhoto", "ImageFacedetectFailed" -> FaceReason.NO_FACE;
            case "FaceSizeTooSmall" -> FaceReason.FACE_TOO_SMALL;
            case "FaceQualityNotQualified" -> FaceReason.FACE_BLURRED;
            case "ImageDecodeFailed", "ImageSizeExceed", "ImageResolutionExceed", "ImageResolutionTooSmall",
                    "ImageEmpty" -> FaceReason.INVALID_IMAGE;
            default -> FaceReason.PROVIDER_UNAVAILABLE;
        };
        if (reason == FaceReason.PROVIDER_UNAVAILABLE) {
            LOG.warn("Tencent Cloud face recognition did not answer: {}", failure.getMessage());
        }
        return reason;
    }
}
