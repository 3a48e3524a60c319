package cn.anxun.api.face;

/**
 * What a provider's model makes of the one usable face of an image: a vector comparable with the vectors of the
 * same model only. A platform keeps the reference photo's template instead of reading the photo at every check.
 *
 * @param model names the model and its version, e.g. {@code opencv:3f9a…}: a template of another model is made again
 * @param vector the template, {@code null} when the image has no usable face
 * @param problem why there is no template; {@code null} when there is one
 * @since 1.1
 */
public record FaceTemplate(String model, float[] vector, FaceReason problem) {

    public static FaceTemplate of(String model, float[] vector) {
        return new FaceTemplate(model, vector.clone(), null);
    }

    public static FaceTemplate failed(String model, FaceReason problem) {
        return new FaceTemplate(model, null, problem);
    }
}
