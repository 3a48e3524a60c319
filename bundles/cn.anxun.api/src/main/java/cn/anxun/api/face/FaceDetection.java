package cn.anxun.api.face;

import java.util.List;

/**
 * The faces found in an image, largest first.
 *
 * @param problem why the image cannot serve as a reference photo or a live capture ({@code null} if it can): no
 *        readable image, no face, more than one face, or the one face's own problem
 */
public record FaceDetection(List<DetectedFace> faces, FaceReason problem) {

    public FaceDetection {
        faces = List.copyOf(faces);
    }

    /** The answer for an image with these faces: usable only with exactly one usable face. */
    public static FaceDetection of(List<DetectedFace> faces) {
        FaceReason problem = switch (faces.size()) {
            case 0 -> FaceReason.NO_FACE;
            case 1 -> faces.get(0).problem();
            default -> FaceReason.MULTIPLE_FACES;
        };
        return new FaceDetection(faces, problem);
    }

    public static FaceDetection failed(FaceReason problem) {
        return new FaceDetection(List.of(), problem);
    }
}
