package cn.anxun.validator.mp4.internal;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

import cn.anxun.api.media.Finding;
import cn.anxun.api.media.MediaFile;
import cn.anxun.api.media.MediaReport;
import cn.anxun.api.media.MediaValidator;

/** H.264 video in MP4, read with JCodec: resolution, frame timing, sound against picture, sampled frames. */
@Component(service = MediaValidator.class, configurationPid = Mp4ValidatorConfig.PID)
@Designate(ocd = Mp4ValidatorConfig.class)
public class Mp4Validator implements MediaValidator {

    private volatile Mp4ValidatorConfig config;

    @Activate
    public Mp4Validator(Mp4ValidatorConfig config) {
        this.config = config;
        JCodecLog.toSlf4j();
    }

    @Modified
    void modified(Mp4ValidatorConfig newConfig) {
        config = newConfig;
    }

    @Override
    public String id() {
        return "mp4";
    }

    @Override
    public String label() {
        return "MP4 video: resolution, dropped frames, sound sync, sharpness, exposure, shake";
    }

    @Override
    public Set<String> mediaTypes() {
        return Set.of("video/mp4", "video/quicktime");
    }

    @Override
    public MediaReport validate(MediaFile file) throws IOException {
        Mp4Movie movie;
        try {
            movie = Mp4Movie.open(file.path());
        } catch (IOException | RuntimeException e) {
            return unreadable(e);
        }
        try (movie) {
            return new Mp4Check(movie, config).report();
        } catch (RuntimeException e) {
            return unreadable(e);
        }
    }

    private static MediaReport unreadable(Exception e) {
        return new MediaReport(null, Map.of(), List.of(Finding.blocking("unreadable", "The file cannot be read as "
                + "MP4 (" + e.getMessage() + "). Export it again as H.264 video with AAC sound in MP4.")));
    }
}
