package cn.anxun.face.opencv.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** {@code etc/cn.anxun.face.opencv.cfg}: the embedded face provider's models and quality floors. */
@ObjectClassDefinition(id = OpenCvConfig.PID, name = "Anxun face provider: OpenCV")
public @interface OpenCvConfig {

    String PID = "cn.anxun.face.opencv";

    @AttributeDefinition(description = "ONNX face detector with the bundled one's input and outputs; empty: bundled")
    String detectorModel() default "";

    @AttributeDefinition(description = "ONNX 68-point landmark model like the bundled one; empty: bundled")
    String landmarkModel() default "";

    @AttributeDefinition(description = "ONNX 512-value embedding model (112×112 aligned input); empty: bundled")
    String embeddingModel() default "";

    @AttributeDefinition(description = "Sets of networks that run at once, each on one thread; 0: one per core")
    int networks() default 0;

    @AttributeDefinition(description = "Detector confidence, 0-1, from which a box counts as a face")
    double detectionConfidence() default 0.7;

    @AttributeDefinition(description = "Pixels of a face box's shorter side below which the face is too small")
    int minFaceSize() default 64;

    @AttributeDefinition(description = "Variance of the Laplacian of the aligned face below which it is blurred")
    double minSharpness() default 40;

    @AttributeDefinition(description = "Mean grey level (0-255) of the aligned face below which it is too dark")
    double minBrightness() default 50;
}
