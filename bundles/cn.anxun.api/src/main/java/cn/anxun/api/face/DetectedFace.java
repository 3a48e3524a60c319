package cn.anxun.api.face;

/**
 * A face found in an image.
 *
 * @param x left edge of its box, in pixels of the image
 * @param y top edge of its box
 * @param width width of its box
 * @param height height of its box
 * @param confidence how sure the detector is that this is a face, 0 to 1
 * @param quality how usable the face is for comparison, 0 to 1 (size, sharpness, light)
 * @param problem why the face is not usable, or {@code null} if it is
 */
public record DetectedFace(int x, int y, int width, int height, double confidence, double quality,
        FaceReason problem) {
}
