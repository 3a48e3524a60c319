package cn.anxun.validator.audio.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

import cn.anxun.api.media.Finding;
import cn.anxun.api.media.MediaFile;
import cn.anxun.api.media.MediaReport;
import cn.anxun.api.media.MediaValidator;

/** Sound alone or in a video: clipping (distortion), too weak a level, long silences. */
@Component(service = MediaValidator.class, configurationPid = AudioValidatorConfig.PID)
@Designate(ocd = AudioValidatorConfig.class)
public class AudioValidator implements MediaValidator {

    private static final String TRANSCODE = "Save the sound as AAC (in MP4 or M4A), MP3 or 16-bit WAV and upload "
            + "it again.";

    private volatile AudioValidatorConfig config;

    @Activate
    public AudioValidator(AudioValidatorConfig config) {
        this.config = config;
    }

    @Modified
    void modified(AudioValidatorConfig newConfig) {
        config = newConfig;
    }

    @Override
    public String id() {
        return "audio";
    }

    @Override
    public String label() {
        return "Sound (AAC in MP4, MP3, WAV): clipping, weak level, long silences";
    }

    @Override
    public Set<String> mediaTypes() {
        return Set.of("audio/mp4", "audio/mpeg", "audio/vnd.wave", "audio/wav", "audio/x-wav", "video/mp4",
                "video/quicktime");
    }

    @Override
    public MediaReport validate(MediaFile file) throws IOException {
        int[] undecodable = {0};
        Optional<SoundLevels> read;
        try {
            read = SoundReaders.read(file.path(), file.mediaType(), undecodable);
        } catch (SoundReaders.Unreadable e) {
            return new MediaReport(null, Map.of(), List.of(Finding.blocking("unsupported-sound", e.getMessage()
                    + " " + TRANSCODE)));
        }
        if (read.isEmpty()) {
            return new MediaReport(null, Map.of("sound", "none"), List.of());
        }
        SoundLevels levels = read.get();
        if (!levels.heard()) {
            return new MediaReport(null, Map.of("undecodableFrames", String.valueOf(undecodable[0])), List.of(
                    Finding.blocking("unsupported-sound", "No frame of the sound could be decoded. " + TRANSCODE)));
        }
        AudioValidatorConfig limits = config;
        Map<String, String> measures = new LinkedHashMap<>();
        measures.put("seconds", String.format(Locale.ROOT, "%.3f", levels.seconds()));
        measures.put("clippedPercent", String.format(Locale.ROOT, "%.3f", levels.clippedPercent()));
        measures.put("levelDb", String.format(Locale.ROOT, "%.1f", levels.activeLevel()));
        measures.put("undecodableFrames", String.valueOf(undecodable[0]));
        List<Finding> findings = new ArrayList<>();
        if (levels.clippedPercent() > limits.recommendedClippedPercent()) {
            String message = String.format(Locale.ROOT, "%.2f%% of the samples are at or near full scale: the "
                    + "sound is clipped and distorted. Record or mix it again with less gain.", levels.clippedPercent());
            findings.add(levels.clippedPercent() > limits.maxClippedPercent()
                    ? Finding.blocking("clipping", message) : Finding.warning("clipping", message));
        }
        if (levels.activeLevel() < limits.recommendedLevelDb()) {
            String message = String.format(Locale.ROOT, "The sound is at %.1f dBFS where it is not silent: too "
                    + "weak to follow. Raise it to about -20 dBFS.", levels.activeLevel());
            findings.add(levels.activeLevel() < limits.minLevelDb() ? Finding.blocking("too-quiet", message)
                    : Finding.warning("too-quiet", message));
        }
        for (double[] silence : levels.silences()) {
            if (silence[1] >= limits.longestSilenceSeconds()) {
                findings.add(Finding.warning("long-silence", String.format(Locale.ROOT, "%.1f s without sound.",
                        silence[1])).at(Duration.ofMillis(Math.round(silence[0] * 1000))));
            }
        }
        return new MediaReport(Duration.ofMillis(Math.round(levels.seconds() * 1000)), measures, findings);
    }
}
