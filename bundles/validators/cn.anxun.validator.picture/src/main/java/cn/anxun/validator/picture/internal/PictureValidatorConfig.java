package cn.anxun.validator.picture.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** {@code etc/cn.anxun.validator.picture.cfg}: the limits for pictures of text units. */
@ObjectClassDefinition(id = PictureValidatorConfig.PID, name = "Anxun validator: pictures")
public @interface PictureValidatorConfig {

    String PID = "cn.anxun.validator.picture";

    @AttributeDefinition(description = "Shorter side below which a picture is too small to read, in pixels")
    int minShortSide() default 480;

    @AttributeDefinition(description = "Shorter side below which a picture gets a warning, in pixels")
    int recommendedShortSide() default 720;

    @AttributeDefinition(description = "Most pixels a picture may have (width times height)")
    long maxPixels() default 40_000_000;

    @AttributeDefinition(description = "Mean brightness (0-255) below which a picture is too dark")
    double minBrightness() default 50;

    @AttributeDefinition(description = "Mean brightness (0-255) above which a picture is too bright")
    double maxBrightness() default 205;

    @AttributeDefinition(description = "Percent of blown-out pixels above which a picture is overexposed")
    double maxBlownPercent() default 30;

    @AttributeDefinition(description = "Sharpness (edges against contrast) below which a picture gets a warning")
    double recommendedSharpness() default 0.01;
}
