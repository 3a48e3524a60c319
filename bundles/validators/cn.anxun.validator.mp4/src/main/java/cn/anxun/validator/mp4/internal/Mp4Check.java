package cn.anxun.validator.mp4.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import org.jcodec.containers.mp4.demuxer.AbstractMP4DemuxerTrack;

import cn.anxun.api.media.Finding;
import cn.anxun.api.media.MediaReport;

/** One reading of one MP4 file against the limits of the configuration. */
final class Mp4Check {

    private static final String TRANSCODE = "Transcode it to H.264 (AVC) video with AAC sound in MP4 and upload it "
            + "again.";
    /** Share of sampled windows from which a picture defect blocks rather than warns. */
    private static final double BLOCKING_SHARE = 0.25;

    private final Mp4Movie movie;
    private final Mp4ValidatorConfig config;
    private final List<Finding> findings = new ArrayList<>();
    private final Map<String, String> measures = new LinkedHashMap<>();

    Mp4Check(Mp4Movie movie, Mp4ValidatorConfig config) {
        this.movie = movie;
        this.config = config;
    }

    MediaReport report() throws IOException {
        Optional<AbstractMP4DemuxerTrack> video = movie.video();
        if (video.isEmpty() && movie.sound().isPresent()) {
            return new MediaReport(null, Map.of("video", "none"), List.of());
        }
        if (video.isEmpty()) {
            findings.add(Finding.blocking("no-video", "The file holds no video track. " + TRANSCODE));
            return new MediaReport(null, measures, findings);
        }
        String codec = video.get().getFourcc();
        measures.put("videoCodec", codec);
        if (!codec.startsWith("avc")) {
            findings.add(Finding.blocking("unsupported-codec", "The video is coded as " + codec + ", which this "
                    + "validator cannot read. " + TRANSCODE));
            return new MediaReport(null, measures, findings);
        }
        List<Mp4Movie.Sample> samples = Mp4Movie.samples(video.get());
        double start = samples.stream().mapToDouble(Mp4Movie.Sample::time).min().orElse(0);
        double end = samples.stream().mapToDouble(s -> s.time() + s.duration()).max().orElse(0);
        picture(video.get());
        timing(samples);
        sound(start, end);
        frames(video.get(), samples);
        return new MediaReport(Duration.ofMillis(Math.round((end - start) * 1000)), measures, findings);
    }

    private void picture(AbstractMP4DemuxerTrack video) {
        int[] size = Mp4Movie.size(video);
        int shortSide = Math.min(size[0], size[1]);
        measures.put("resolution", size[0] + "x" + size[1]);
        if (shortSide < config.minShortSide()) {
            findings.add(Finding.blocking("resolution", "The picture is " + size[0] + "×" + size[1] + "; its "
                    + "shorter side must be at least " + config.minShortSide() + " pixels to be clear."));
        } else if (shortSide < config.recommendedShortSide()) {
            findings.add(Finding.warning("resolution", "The picture is " + size[0] + "×" + size[1] + "; "
                    + config.recommendedShortSide() + " pixels on the shorter side are recommended."));
        }
        double aspect = Mp4Movie.pixelAspect(video);
        if (Math.abs(aspect - 1) > 0.01) {
            findings.add(Finding.warning("deformation", String.format(Locale.ROOT, "The pixels are not square "
                    + "(%.2f:1): players stretch the picture. Encode with square pixels.", aspect)));
        }
    }

    private void timing(List<Mp4Movie.Sample> samples) {
        FrameTiming timing = FrameTiming.of(samples.stream().mapToDouble(Mp4Movie.Sample::time).toArray());
        measures.put("frameRate", String.format(Locale.ROOT, "%.2f", timing.rate()));
        measures.put("missingFrames", timing.missing() + " (" + String.format(Locale.ROOT, "%.2f",
                timing.missingPercent()) + "%)");
        measures.put("heldPictures", String.valueOf(timing.holds()));
        if (timing.rate() < config.minFrameRate()) {
            findings.add(Finding.blocking("frame-rate", String.format(Locale.ROOT, "The video shows %.1f frames "
                    + "a second; smooth playback needs at least %.0f.", timing.rate(), config.minFrameRate())));
        }
        if (timing.missingPercent() > config.maxMissingFramesPercent()
                || timing.longestGap() * 1000 > config.maxFrameGapMillis()) {
            findings.add(Finding.blocking("dropped-frames", String.format(Locale.ROOT, "%d frames are missing in "
                    + "%d gaps (%.1f%% of the frames; the longest gap %.0f ms): the picture jumps. Record or export "
                    + "again without dropping frames.", timing.missing(), timing.gaps().size(),
                    timing.missingPercent(), timing.longestGap() * 1000)).at(seconds(timing.gaps().get(0)[0])));
        }
    }

    private void sound(double videoStart, double videoEnd) throws IOException {
        Optional<AbstractMP4DemuxerTrack> sound = movie.sound();
        if (sound.isEmpty()) {
            findings.add(Finding.warning("no-sound", "The video has no sound track."));
            return;
        }
        String codec = sound.get().getFourcc();
        if (!"mp4a".equals(codec)) {
            findings.add(Finding.blocking("unsupported-codec", "The sound is coded as " + codec + ". " + TRANSCODE));
            return;
        }
        List<Mp4Movie.Sample> samples = Mp4Movie.samples(sound.get());
        if (samples.size() < 2) {
            return;
        }
        // the first AAC frame is the encoder's priming, which the edit list hides
        double start = samples.get(1).time();
        Mp4Movie.Sample last = samples.get(samples.size() - 1);
        double offset = (start - videoStart) * 1000;
        double difference = (last.time() + last.duration() - videoEnd) * 1000;
        measures.put("soundOffsetMillis", String.valueOf(Math.round(offset)));
        measures.put("soundLengthDifferenceMillis", String.valueOf(Math.round(difference)));
        if (offset > config.maxSoundLateMillis() || -offset > config.maxSoundEarlyMillis()) {
            findings.add(Finding.blocking(offset > 0 ? "sound-late" : "sound-early", String.format(Locale.ROOT,
                    "The sound starts %.0f ms %s the picture (at most %d ms %s are allowed): speech and lips do not "
                    + "match. Align the tracks and export again.", Math.abs(offset), offset > 0 ? "after"
                            : "before", offset > 0 ? config.maxSoundLateMillis() : config.maxSoundEarlyMillis(),
                    offset > 0 ? "late" : "early")).at(Duration.ZERO));
        }
        if (Math.abs(difference) > config.maxLengthDifferenceMillis()) {
            findings.add(Finding.blocking("length-mismatch", String.format(Locale.ROOT, "The sound is %.1f s "
                    + "%s than the picture.", Math.abs(difference) / 1000, difference > 0 ? "longer" : "shorter")));
        }
    }

    private void frames(AbstractMP4DemuxerTrack video, List<Mp4Movie.Sample> samples) throws IOException {
        long started = System.nanoTime();
        List<FrameSampler.Window> measured = FrameSampler.windows(video, samples, config.sampleEverySeconds(),
                config.framesPerSample());
        measures.put("sampledWindows", String.valueOf(measured.size()));
        measures.put("sampleMillis", String.valueOf((System.nanoTime() - started) / 1_000_000));
        measures.put("sharpness", median(measured, m -> m.measures().sharpness()));
        measures.put("brightness", median(measured, m -> m.measures().brightness()));
        measures.put("shakePercent", median(measured, m -> m.measures().shake()));
        defect(measured, m -> m.sharpness() < config.minSharpness(), m -> m.sharpness()
                < config.recommendedSharpness(), "blurred", "The picture is not sharp (out of focus or blurred)");
        // exposure warns only: a white slide or a dark code editor is meant to look so; the reviewer judges
        defect(measured, m -> false, m -> m.brightness() < config.minBrightness(), "too-dark",
                "The picture looks too dark (underexposed)");
        defect(measured, m -> false, m -> m.brightness() > config.maxBrightness()
                || m.blown() * 100 > config.maxBlownPercent(), "too-bright", "The picture looks too bright "
                + "(overexposed)");
        defect(measured, m -> m.shake() > config.maxShakePercent(), m -> false, "shaky",
                "The picture shakes (an unsteady camera)");
    }

    /** One finding for a defect: blocking when it is in a good part of the sampled windows, else a warning. */
    private void defect(List<FrameSampler.Window> windows, Predicate<FrameMeasures> fails, Predicate<FrameMeasures> weak,
            String code, String what) {
        List<FrameSampler.Window> failing = windows.stream().filter(w -> fails.test(w.measures())).toList();
        List<FrameSampler.Window> flagged = failing.isEmpty() ? windows.stream().filter(w -> weak.test(w.measures())).toList()
                : failing;
        if (flagged.isEmpty()) {
            return;
        }
        String message = what + " in " + flagged.size() + " of " + windows.size() + " sampled moments, the first "
                + "shown here.";
        boolean blocking = !failing.isEmpty() && failing.size() >= BLOCKING_SHARE * windows.size();
        Finding finding = blocking ? Finding.blocking(code, message) : Finding.warning(code, message);
        findings.add(finding.at(seconds(flagged.get(0).time())));
    }

    private static String median(List<FrameSampler.Window> windows, java.util.function.ToDoubleFunction<FrameSampler.Window> measure) {
        return String.format(Locale.ROOT, "%.4f", FrameMeasures.median(windows.stream()
                .map(w -> measure.applyAsDouble(w)).toList()));
    }

    private static Duration seconds(double time) {
        return Duration.ofMillis(Math.round(Math.max(0, time) * 1000));
    }
}
