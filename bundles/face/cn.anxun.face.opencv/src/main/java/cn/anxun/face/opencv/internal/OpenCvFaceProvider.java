package cn.anxun.face.opencv.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Function;

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
import cn.anxun.api.face.FaceTemplate;

/**
 * The embedded face provider: OpenCV's DNN module on the CPU, with the models in this bundle unless the configuration
 * names others. Its score is the cosine similarity of the two faces' embeddings, from -1 to 1; its templates are
 * those embeddings. A network runs one image at a time, so it keeps one set of networks per core and a request
 * waits for an idle one.
 */
@Component(service = FaceProvider.class, configurationPid = OpenCvConfig.PID)
@Designate(ocd = OpenCvConfig.class)
public class OpenCvFaceProvider implements FaceProvider {

    /** Separated every same-person pair from every other pair of the test photos; see docs/face.md. */
    static final double DEFAULT_THRESHOLD = 0.42;

    private static final Logger LOG = LoggerFactory.getLogger(OpenCvFaceProvider.class);
    /** Larger images are shrunk to this long side first: faces stay large enough, memory and time stay small. */
    private static final int WORKING_SIDE = 1280;

    /** The configuration, the model's name in templates, and idle pipelines: one image at a time each. */
    private record Networks(OpenCvConfig config, String model, BlockingQueue<FacePipeline> idle) {
    }

    private volatile Networks networks;

    @Activate
    public OpenCvFaceProvider(OpenCvConfig config) {
        NativeLibrary.load();
        modified(config);
    }

    @Modified
    void modified(OpenCvConfig newConfig) {
        byte[] detector = model(newConfig.detectorModel(), "fr_detect.onnx");
        byte[] landmarks = model(newConfig.landmarkModel(), "fr_landmark.onnx");
        byte[] embedding = model(newConfig.embeddingModel(), "fr_feature.onnx");
        int count = newConfig.networks() > 0 ? newConfig.networks() : Runtime.getRuntime().availableProcessors();
        BlockingQueue<FacePipeline> idle = new ArrayBlockingQueue<>(count);
        for (int i = 0; i < count; i++) {
            idle.add(new FacePipeline(detector, landmarks, embedding));
        }
        networks = new Networks(newConfig, "opencv:" + HexFormat.of().formatHex(sha256(embedding), 0, 8), idle);
        LOG.info("OpenCV face provider ready with {} sets of networks (detector {}, landmarks {}, embedding {})",
                count, name(newConfig.detectorModel()), name(newConfig.landmarkModel()),
                name(newConfig.embeddingModel()));
    }

    /** Runs the work on an idle pipeline of the current networks, waiting for one if all are busy. */
    private <T> T onPipeline(Function<Working, T> work) {
        Networks current = networks;
        FacePipeline pipeline;
        try {
            pipeline = current.idle().take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a face network", e);
        }
        try {
            return work.apply(new Working(current.config(), pipeline));
        } finally {
            current.idle().add(pipeline);
        }
    }

    /** One pipeline and the configuration it runs under, for one request. */
    private record Working(OpenCvConfig config, FacePipeline pipeline) {
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
    public FaceDetection detect(byte[] image) {
        Decoded decoded = decoded(image);
        if (decoded == null) {
            return FaceDetection.failed(FaceReason.INVALID_IMAGE);
        }
        try {
            return FaceDetection.of(onPipeline(working -> faces(working, decoded)).stream().map(Found::view)
                    .toList());
        } finally {
            decoded.bgr().release();
        }
    }

    @Override
    public FaceComparison compare(byte[] reference, byte[] live, double threshold) {
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

    @Override
    public Optional<FaceTemplate> template(byte[] image) {
        String model = networks.model();
        Found face = only(image);
        return Optional.of(face.problem == null ? FaceTemplate.of(model, face.embedding)
                : FaceTemplate.failed(model, face.problem));
    }

    @Override
    public double similarity(FaceTemplate a, FaceTemplate b) {
        return FacePipeline.cosine(a.vector(), b.vector());
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
            List<Found> faces = onPipeline(working -> faces(working, decoded));
            FaceReason problem = FaceDetection.of(faces.stream().map(Found::view).toList()).problem();
            return problem == null ? faces.get(0) : new Found(null, 1, null, null, problem);
        } finally {
            decoded.bgr().release();
        }
    }

    private static List<Found> faces(Working working, Decoded decoded) {
        FacePipeline pipeline = working.pipeline();
        List<Found> found = new ArrayList<>();
        for (Detected face : pipeline.detect(decoded.bgr(), (float) working.config().detectionConfidence())) {
            Mat aligned = pipeline.aligned(decoded.bgr(), face);
            try {
                FaceQuality quality = FaceQuality.of(face, decoded.scale(), aligned, working.config());
                found.add(new Found(face, decoded.scale(), quality,
                        quality.problem() == null ? pipeline.embedding(aligned) : null, quality.problem()));
            } finally {
                aligned.release();
            }
        }
        return found;
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
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
