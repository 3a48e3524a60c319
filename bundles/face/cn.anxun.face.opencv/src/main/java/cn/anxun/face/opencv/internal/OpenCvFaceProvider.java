package cn.anxun.face.opencv.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.anxun.api.face.DetectedFace;
import cn.anxun.api.face.FaceComparison;
import cn.anxun.api.face.FaceDetection;
import cn.anxun.api.face.FaceProvider;
import cn.anxun.api.face.FaceReason;

/**
 * The embedded face provider: OpenCV's DNN module on the CPU, with the models in this bundle unless the configuration
 * names others. Its score is the cosine similarity of the two faces' embeddings, from -1 to 1.
 */
@Component(service = FaceProvider.class, configurationPid = OpenCvConfig.PID)
@Designate(ocd = OpenCvConfig.class)
public class OpenCvFaceProvider implements FaceProvider {

    /** Separated every same-person pair from every other pair of the test photos; see docs/face.md. */
    static final double DEFAULT_THRESHOLD = 0.42;

    private static final Logger LOG = LoggerFactory.getLogger(OpenCvFaceProvider.class);
    /** Larger images are shrunk to this long side first: faces stay large enough, memory and time stay small. */
    private static final int WORKING_SIDE = 1280;

    private volatile OpenCvConfig config;
    private volatile FacePipeline pipeline;

    @Activate
    public OpenCvFaceProvider(OpenCvConfig config) {
        NativeLibrary.load();
        modified(config);
    }

    @Modified
    void modified(OpenCvConfig newConfig) {
        FacePipeline loaded = new FacePipeline(model(newConfig.detectorModel(), "fr_detect.onnx"),
                model(newConfig.landmarkModel(), "fr_landmark.onnx"),
                model(newConfig.embeddingModel(), "fr_feature.onnx"));
        synchronized (this) {
            config = newConfig;
            pipeline = loaded;
        }
        LOG.info("OpenCV face provider ready (detector {}, landmarks {}, embedding {})",
                name(newConfig.detectorModel()), name(newConfig.landmarkModel()), name(newConfig.embeddingModel()));
    }

    private static byte[] model(String configured, String bundled) {
        try {
            if (!configured.isBlank()) {
                return Files.readAllBytes(Path.of(configured));
            }
            try (InputStream in = OpenCvFaceProvider.class.getResourceAsStream("/models/" + bundled)) {
                return in.readAllBytes();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the face model " + name(configured), e);
        }
    }

    private static String name(String configured) {
        return configured.isBlank() ? "bundled" : configured;
    }

    @Override
    public String id() {
        return "opencv";
    }

    @Override
    public String label() {
        return "OpenCV DNN (embedded, CPU)";
    }

    @Override
    public double defaultThreshold() {
        return DEFAULT_THRESHOLD;
    }

    @Override
    public synchronized FaceDetection detect(byte[] image) {
        Decoded decoded = decoded(image);
        if (decoded == null) {
            return FaceDetection.failed(FaceReason.INVALID_IMAGE);
        }
        try {
            return FaceDetection.of(faces(decoded).stream().map(Found::view).toList());
        } finally {
            decoded.bgr().release();
        }
    }

    @Override
    public synchronized FaceComparison compare(byte[] reference, byte[] live, double threshold) {
        Found referenceFace = only(reference);
        if (referenceFace.problem != null) {
            return FaceComparison.undecided(referenceFace.problem);
        }
        Found liveFace = only(live);
        if (liveFace.problem != null) {
            return FaceComparison.undecided(liveFace.problem);
        }
        return FaceComparison.scored(FacePipeline.cosine(referenceFace.embedding, liveFace.embedding), threshold);
    }

    /** An image as BGR pixels, shrunk by {@code scale} if it was larger than the working size. */
    private record Decoded(Mat bgr, double scale) {
    }

    /** A face with its quality and, for a usable one, its embedding. */
    private record Found(Detected face, double scale, FaceQuality quality, float[] embedding, FaceReason problem) {

        /** The face in pixels of the image as given. */
        DetectedFace view() {
            return new DetectedFace((int) (face.box().x / scale), (int) (face.box().y / scale),
                    (int) (face.box().width / scale), (int) (face.box().height / scale), face.confidence(),
                    quality.score(), quality.problem());
        }
    }

    /** The one usable face of an image, or why there is none. */
    private Found only(byte[] image) {
        Decoded decoded = decoded(image);
        if (decoded == null) {
            return new Found(null, 1, null, null, FaceReason.INVALID_IMAGE);
        }
        try {
            List<Found> faces = faces(decoded);
            FaceReason problem = FaceDetection.of(faces.stream().map(Found::view).toList()).problem();
            return problem == null ? faces.get(0) : new Found(null, 1, null, null, problem);
        } finally {
            decoded.bgr().release();
        }
    }

    private List<Found> faces(Decoded decoded) {
        List<Found> found = new ArrayList<>();
        for (Detected face : pipeline.detect(decoded.bgr(), (float) config.detectionConfidence())) {
            Mat aligned = pipeline.aligned(decoded.bgr(), face);
            try {
                FaceQuality quality = FaceQuality.of(face, decoded.scale(), aligned, config);
                found.add(new Found(face, decoded.scale(), quality,
                        quality.problem() == null ? pipeline.embedding(aligned) : null, quality.problem()));
            } finally {
                aligned.release();
            }
        }
        return found;
    }

    /** The image as BGR pixels at most the working size, or {@code null} if OpenCV cannot decode it. */
    private static Decoded decoded(byte[] image) {
        if (image == null || image.length == 0) {
            return null;
        }
        MatOfByte bytes = new MatOfByte(image);
        Mat bgr = Imgcodecs.imdecode(bytes, Imgcodecs.IMREAD_COLOR);
        bytes.release();
        if (bgr.empty()) {
            bgr.release();
            return null;
        }
        double scale = Math.min(1, (double) WORKING_SIDE / Math.max(bgr.cols(), bgr.rows()));
        if (scale == 1) {
            return new Decoded(bgr, 1);
        }
        Mat shrunk = new Mat();
        try {
            Imgproc.resize(bgr, shrunk, new Size(), scale, scale, Imgproc.INTER_AREA);
        } finally {
            bgr.release();
        }
        return new Decoded(shrunk, scale);
    }
}
