package cn.anxun.face.opencv.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.MatOfFloat;
import org.opencv.core.MatOfInt;
import org.opencv.core.MatOfRect2d;
import org.opencv.core.Point;
import org.opencv.core.Rect;
import org.opencv.core.Rect2d;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.dnn.Dnn;
import org.opencv.dnn.Net;
import org.opencv.imgproc.Imgproc;

/**
 * Detection (an Ultra-Light-style 320×240 detector with its priors decoded in the graph), 68-point landmarks reduced
 * to five, alignment to the 112×112 template, and a 512-value embedding compared by cosine. OpenCV frees native
 * memory only when the garbage collector finalizes a {@link Mat}, so every temporary one is released here. A
 * {@link Net} must not run two inputs at once: callers serialise.
 */
final class FacePipeline {

    private static final int DETECTOR_WIDTH = 320;
    private static final int DETECTOR_HEIGHT = 240;
    private static final int PRIORS = 4420;
    private static final float OVERLAP = 0.3f;
    private static final double SMALLEST_BOX = 20;
    /** A box is kept only if the detector finds it again, this sure, in a crop around it: cuts texture false hits. */
    private static final float CONFIRMATION = 0.9f;
    private static final Scalar GREY = new Scalar(127, 127, 127);

    private final Net detector;
    private final Net landmarker;
    private final Net embedder;

    FacePipeline(byte[] detectorModel, byte[] landmarkModel, byte[] embeddingModel) {
        detector = load(detectorModel, "detector");
        landmarker = load(landmarkModel, "landmark");
        embedder = load(embeddingModel, "embedding");
    }

    private static Net load(byte[] onnx, String what) {
        MatOfByte buffer = new MatOfByte(onnx);
        try {
            Net net = Dnn.readNetFromONNX(buffer);
            if (net.empty()) {
                throw new IllegalArgumentException("the " + what + " model is not an ONNX network OpenCV can run");
            }
            net.setPreferableBackend(Dnn.DNN_BACKEND_OPENCV);
            net.setPreferableTarget(Dnn.DNN_TARGET_CPU);
            return net;
        } finally {
            buffer.release();
        }
    }

    /** The faces in a BGR image, largest first, each with its five landmarks. */
    List<Detected> detect(Mat bgr, float confidence) {
        List<Detected> faces = new ArrayList<>();
        for (Scored candidate : scored(bgr, confidence)) {
            if (confirmed(bgr, candidate.box())) {
                faces.add(new Detected(candidate.box(), candidate.confidence(), landmarks(bgr, candidate.box())));
            }
        }
        faces.sort(Comparator.comparingDouble(Detected::area).reversed());
        return faces;
    }

    private record Scored(Rect2d box, float confidence) {
    }

    /** Boxes at or above the confidence after non-maximum suppression; the image is padded to 4:3, not stretched. */
    private List<Scored> scored(Mat bgr, float confidence) {
        int width = Math.max(bgr.cols(), (int) Math.ceil(bgr.rows() * 4.0 / 3.0));
        int height = Math.max(bgr.rows(), (int) Math.ceil(bgr.cols() * 3.0 / 4.0));
        Mat padded = new Mat();
        Mat blob;
        try {
            Core.copyMakeBorder(bgr, padded, 0, height - bgr.rows(), 0, width - bgr.cols(), Core.BORDER_CONSTANT,
                    GREY);
            blob = Dnn.blobFromImage(padded, 1.0 / 128.0, new Size(DETECTOR_WIDTH, DETECTOR_HEIGHT), GREY, true,
                    false);
        } finally {
            padded.release();
        }
        List<Mat> outputs = new ArrayList<>();
        float[] scores = new float[PRIORS * 2];
        float[] corners = new float[PRIORS * 4];
        try {
            detector.setInput(blob, "input");
            detector.forward(outputs, List.of("scores", "boxes"));
            outputs.get(0).get(new int[] {0, 0, 0}, scores);
            outputs.get(1).get(new int[] {0, 0, 0}, corners);
        } finally {
            blob.release();
            outputs.forEach(Mat::release);
        }
        List<Rect2d> boxes = new ArrayList<>();
        List<Float> kept = new ArrayList<>();
        for (int i = 0; i < PRIORS; i++) {
            float score = scores[2 * i + 1];
            double x1 = clamp(corners[4 * i] * width, bgr.cols());
            double y1 = clamp(corners[4 * i + 1] * height, bgr.rows());
            double x2 = clamp(corners[4 * i + 2] * width, bgr.cols());
            double y2 = clamp(corners[4 * i + 3] * height, bgr.rows());
            if (score >= confidence && x2 - x1 >= SMALLEST_BOX && y2 - y1 >= SMALLEST_BOX) {
                boxes.add(new Rect2d(x1, y1, x2 - x1, y2 - y1));
                kept.add(score);
            }
        }
        return suppressed(boxes, kept, confidence);
    }

    private static List<Scored> suppressed(List<Rect2d> boxes, List<Float> scores, float confidence) {
        if (boxes.isEmpty()) {
            return List.of();
        }
        MatOfRect2d rects = new MatOfRect2d();
        MatOfFloat confidences = new MatOfFloat();
        MatOfInt keep = new MatOfInt();
        try {
            rects.fromList(boxes);
            float[] values = new float[scores.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = scores.get(i);
            }
            confidences.fromArray(values);
            Dnn.NMSBoxes(rects, confidences, confidence, OVERLAP, keep);
            List<Scored> result = new ArrayList<>();
            for (int index : keep.toArray()) {
                result.add(new Scored(boxes.get(index), values[index]));
            }
            return result;
        } finally {
            rects.release();
            confidences.release();
            keep.release();
        }
    }

    /** Whether the detector finds the face again near the centre of a square crop twice its size. */
    private boolean confirmed(Mat bgr, Rect2d box) {
        int side = (int) Math.round(2 * Math.max(box.width, box.height));
        int x0 = (int) Math.round(box.x + box.width / 2 - side / 2.0);
        int y0 = (int) Math.round(box.y + box.height / 2 - side / 2.0);
        int left = Math.max(0, -x0);
        int top = Math.max(0, -y0);
        int right = Math.max(0, x0 + side - bgr.cols());
        int bottom = Math.max(0, y0 + side - bgr.rows());
        Mat inside = new Mat(bgr, new Rect(x0 + left, y0 + top, side - left - right, side - top - bottom));
        Mat crop = new Mat();
        try {
            Core.copyMakeBorder(inside, crop, top, bottom, left, right, Core.BORDER_CONSTANT, GREY);
            return scored(crop, CONFIRMATION).stream().map(Scored::box).anyMatch(again ->
                    Math.abs(again.x + again.width / 2 - side / 2.0) < 0.25 * side
                            && Math.abs(again.y + again.height / 2 - side / 2.0) < 0.25 * side);
        } finally {
            inside.release();
            crop.release();
        }
    }

    /** The five landmarks from the 68 the landmark model finds in a square grey crop around the box. */
    private Point[] landmarks(Mat bgr, Rect2d box) {
        double cx = box.x + box.width / 2;
        double cy = box.y + box.height / 2;
        double half = box.height / 2;
        double x1 = clamp(cx - half, bgr.cols());
        double y1 = clamp(cy - half, bgr.rows());
        Rect square = new Rect((int) x1, (int) y1, Math.max(1, (int) (clamp(cx + half, bgr.cols()) - x1)),
                Math.max(1, (int) (clamp(cy + half, bgr.rows()) - y1)));
        Mat crop = new Mat(bgr, square);
        Mat grey = new Mat();
        Mat blob = null;
        Mat output = null;
        float[] points = new float[136];
        try {
            Imgproc.cvtColor(crop, grey, Imgproc.COLOR_BGR2GRAY);
            blob = Dnn.blobFromImage(grey, 1.0 / 256.0, new Size(64, 64), new Scalar(0), false, false);
            landmarker.setInput(blob, "input");
            output = landmarker.forward("output");
            output.get(0, 0, points);
        } finally {
            crop.release();
            grey.release();
            release(blob);
            release(output);
        }
        Point[] all = new Point[68];
        for (int i = 0; i < all.length; i++) {
            all[i] = new Point(points[2 * i] * square.width + square.x, points[2 * i + 1] * square.height + square.y);
        }
        return new Point[] {mean(all, 37, 38, 40, 41), mean(all, 43, 44, 46, 47), all[30], mean(all, 48, 60),
            mean(all, 54, 64)};
    }

    /** The face warped onto the 112×112 template. The caller releases it. */
    Mat aligned(Mat bgr, Detected face) {
        Mat transform = new Mat(2, 3, CvType.CV_64F);
        Mat aligned = new Mat();
        try {
            transform.put(0, 0, Alignment.toTemplate(face.landmarks()));
            Imgproc.warpAffine(bgr, aligned, transform, new Size(112, 112), Imgproc.INTER_LINEAR,
                    Core.BORDER_CONSTANT, new Scalar(0, 0, 0));
            return aligned;
        } catch (RuntimeException e) {
            aligned.release();
            throw e;
        } finally {
            transform.release();
        }
    }

    /** The unit-length embedding of an aligned face. */
    float[] embedding(Mat aligned) {
        Mat blob = Dnn.blobFromImage(aligned, 1.0 / 128.0, new Size(112, 112), GREY, true, false);
        Mat output = null;
        float[] values = new float[512];
        try {
            embedder.setInput(blob, "input");
            output = embedder.forward("output");
            output.get(0, 0, values);
        } finally {
            blob.release();
            release(output);
        }
        double norm = 0;
        for (float value : values) {
            norm += value * value;
        }
        norm = Math.sqrt(norm);
        for (int i = 0; i < values.length; i++) {
            values[i] /= norm;
        }
        return values;
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot;
    }

    private static Point mean(Point[] points, int... indexes) {
        double x = 0;
        double y = 0;
        for (int index : indexes) {
            x += points[index].x;
            y += points[index].y;
        }
        return new Point(x / indexes.length, y / indexes.length);
    }

    private static double clamp(double value, int size) {
        return Math.max(0, Math.min(size - 1, value));
    }

    private static void release(Mat mat) {
        if (mat != null) {
            mat.release();
        }
    }
}
