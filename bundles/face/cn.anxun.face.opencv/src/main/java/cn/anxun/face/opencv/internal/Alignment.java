package cn.anxun.face.opencv.internal;

import org.opencv.core.Point;

/**
 * The similarity transform (rotation, uniform scale, translation; no reflection) that best maps five landmarks onto
 * the 112×112 template the embedding model was trained with, by least squares.
 */
final class Alignment {

    /** Eye centres, nose tip and mouth corners of the ArcFace template, in its 112×112 pixels. */
    static final double[][] TEMPLATE = {
        {38.2946, 51.6963}, {73.5318, 51.5014}, {56.0252, 71.7366}, {41.5493, 92.3655}, {70.7299, 92.2041}};

    private Alignment() {
    }

    /** The 2×3 affine matrix, row by row. */
    static double[] toTemplate(Point[] landmarks) {
        int n = landmarks.length;
        double mx = 0;
        double my = 0;
        double mu = 0;
        double mv = 0;
        for (int i = 0; i < n; i++) {
            mx += landmarks[i].x;
            my += landmarks[i].y;
            mu += TEMPLATE[i][0];
            mv += TEMPLATE[i][1];
        }
        mx /= n;
        my /= n;
        mu /= n;
        mv /= n;
        double norm = 0;
        double a = 0;
        double b = 0;
        for (int i = 0; i < n; i++) {
            double x = landmarks[i].x - mx;
            double y = landmarks[i].y - my;
            double u = TEMPLATE[i][0] - mu;
            double v = TEMPLATE[i][1] - mv;
            norm += x * x + y * y;
            a += x * u + y * v;
            b += x * v - y * u;
        }
        a /= norm;
        b /= norm;
        return new double[] {a, -b, mu - (a * mx - b * my), b, a, mv - (b * mx + a * my)};
    }
}
