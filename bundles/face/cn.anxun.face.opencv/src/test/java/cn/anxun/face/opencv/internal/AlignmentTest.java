package cn.anxun.face.opencv.internal;

import static org.junit.Assert.assertArrayEquals;

import org.junit.Test;
import org.opencv.core.Point;

public class AlignmentTest {

    @Test
    public void landmarksOnTheTemplateNeedNoTransform() {
        assertArrayEquals(new double[] {1, 0, 0, 0, 1, 0}, Alignment.toTemplate(scaledRotatedShifted(1, 0, 0, 0)),
                1e-9);
    }

    @Test
    public void aTiltedHalfSizeShiftedFaceIsBroughtBack() {
        double angle = Math.toRadians(20);
        double[] m = Alignment.toTemplate(scaledRotatedShifted(0.5, angle, 300, 120));
        // the inverse of scaling by 0.5 and rotating by 20°: scale 2, rotation -20°
        assertArrayEquals(new double[] {2 * Math.cos(-angle), -2 * Math.sin(-angle), 2 * Math.sin(-angle),
            2 * Math.cos(-angle)}, new double[] {m[0], m[1], m[3], m[4]}, 1e-9);
        Point nose = scaledRotatedShifted(0.5, angle, 300, 120)[2];
        assertArrayEquals(Alignment.TEMPLATE[2], new double[] {m[0] * nose.x + m[1] * nose.y + m[2],
            m[3] * nose.x + m[4] * nose.y + m[5]}, 1e-9);
    }

    private static Point[] scaledRotatedShifted(double scale, double angle, double dx, double dy) {
        Point[] points = new Point[5];
        for (int i = 0; i < points.length; i++) {
            double x = Alignment.TEMPLATE[i][0];
            double y = Alignment.TEMPLATE[i][1];
            points[i] = new Point(scale * (x * Math.cos(angle) - y * Math.sin(angle)) + dx,
                    scale * (x * Math.sin(angle) + y * Math.cos(angle)) + dy);
        }
        return points;
    }
}
