package cn.anxun.face.opencv.internal;

import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfDouble;
import org.opencv.imgproc.Imgproc;

import cn.anxun.api.face.FaceReason;

/**
 * How usable a face is: big enough, sharp enough (variance of the Laplacian of the aligned face, which drops as
 * blur removes edges) and lit enough (mean grey level of the aligned face).
 *
 * @param problem the first floor the face is under, or {@code null}
 * @param score 0 to 1: the lowest of the three measures relative to twice its floor
 */
record FaceQuality(double size, double sharpness, double brightness, FaceReason problem, double score) {

    /** @param scale how much the image was shrunk before detection: the face's size is judged as it was given */
    static FaceQuality of(Detected face, double scale, Mat aligned, OpenCvConfig config) {
        double size = Math.min(face.box().width, face.box().height) / scale;
        Mat grey = new Mat();
        Mat laplacian = new Mat();
        MatOfDouble mean = new MatOfDouble();
        MatOfDouble deviation = new MatOfDouble();
        double sharpness;
        double brightness;
        try {
            Imgproc.cvtColor(aligned, grey, Imgproc.COLOR_BGR2GRAY);
            brightness = Core.mean(grey).val[0];
            Imgproc.Laplacian(grey, laplacian, CvType.CV_64F);
            Core.meanStdDev(laplacian, mean, deviation);
            sharpness = Math.pow(deviation.toArray()[0], 2);
        } finally {
            grey.release();
            laplacian.release();
            mean.release();
            deviation.release();
        }
        FaceReason problem = size < config.minFaceSize() ? FaceReason.FACE_TOO_SMALL
                : sharpness < config.minSharpness() ? FaceReason.FACE_BLURRED
                : brightness < config.minBrightness() ? FaceReason.FACE_TOO_DARK
                : null;
        double score = Math.min(1, Math.min(size / (2.0 * config.minFaceSize()),
                Math.min(sharpness / (2 * config.minSharpness()), brightness / (2 * config.minBrightness()))));
        return new FaceQuality(size, sharpness, brightness, problem, score);
    }
}
