package cn.anxun.validator.mp4.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** {@code etc/cn.anxun.validator.mp4.cfg}: the limits of R-18 as this validator measures them. */
@ObjectClassDefinition(id = Mp4ValidatorConfig.PID, name = "Anxun validator: MP4 video")
public @interface Mp4ValidatorConfig {

    String PID = "cn.anxun.validator.mp4";

    @AttributeDefinition(description = "Shorter side of the picture below which a video is refused, in pixels")
    int minShortSide() default 480;

    @AttributeDefinition(description = "Shorter side below which a video gets a warning, in pixels")
    int recommendedShortSide() default 720;

    @AttributeDefinition(description = "Frames a second below which playback is not smooth")
    double minFrameRate() default 20;

    @AttributeDefinition(description = "Percent of missing frames above which a video is refused")
    double maxMissingFramesPercent() default 0.5;

    @AttributeDefinition(description = "Longest gap between two frames, in milliseconds")
    int maxFrameGapMillis() default 250;

    @AttributeDefinition(description = "Milliseconds the sound may start after the picture")
    int maxSoundLateMillis() default 60;

    @AttributeDefinition(description = "Milliseconds the sound may start before the picture")
    int maxSoundEarlyMillis() default 40;

    @AttributeDefinition(description = "Milliseconds by which sound and picture may differ in length")
    int maxLengthDifferenceMillis() default 1000;

    @AttributeDefinition(description = "Sharpness (edges against contrast) below which frames are blurred")
    double minSharpness() default 0.01;

    @AttributeDefinition(description = "Sharpness below which frames get a warning")
    double recommendedSharpness() default 0.025;

    @AttributeDefinition(description = "Mean brightness (0-255) below which frames are too dark")
    double minBrightness() default 50;

    @AttributeDefinition(description = "Mean brightness (0-255) above which frames are too bright")
    double maxBrightness() default 205;

    @AttributeDefinition(description = "Percent of blown-out pixels above which frames are overexposed")
    double maxBlownPercent() default 30;

    @AttributeDefinition(description = "Frame-to-frame jump of the picture, in percent of its width, above which "
            + "the camera shakes")
    double maxShakePercent() default 0.5;

    @AttributeDefinition(description = "Seconds between two windows of sampled frames")
    double sampleEverySeconds() default 10;

    @AttributeDefinition(description = "Frames in one window")
    int framesPerSample() default 6;
}
