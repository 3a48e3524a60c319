package cn.anxun.face.opencv.internal;

import org.opencv.core.Point;
import org.opencv.core.Rect2d;

/**
 * A face the detector found, in pixels of the image.
 *
 * @param landmarks eye centres (image left, then right), nose tip, mouth corners (image left, then right)
 */
record Detected(Rect2d box, float confidence, Point[] landmarks) {

    double area() {
        return box.width * box.height;
    }
}
