package cn.anxun.validator.audio.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The loudness of a sound, measured as it is decoded: 16-bit samples of interleaved channels go in, in order; out
 * come its length, how much of it is clipped, how loud it is where it is not silent, and its long silences. The
 * level is the loudest channel's: speech on the centre of 5.1 or on one side of a stereo recording is not averaged
 * down by the quiet channels.
 */
final class SoundLevels {

    /** Level of a 50 ms window below which it counts as silent, in dBFS. */
    static final double SILENT_DB = -50;
    private static final double WINDOW_SECONDS = 0.05;
    /** Lossy codecs smear a clipped wave's flat tops into ringing just under full scale, so near it counts. */
    private static final int CLIPPED = (int) (0.9 * Short.MAX_VALUE);

    private int rate;
    private int channels;
    private long frames;
    private long samples;
    private long clipped;
    private double[] windowSquares = new double[1];
    private int windowFrames;
    private double activeSquares;
    private long activeSamples;
    private double silentSince = -1;
    private final List<double[]> silences = new ArrayList<>();

    /** Takes decoded samples; a change of rate or channels is taken as it comes. */
    void add(short[] pcm, int length, int sampleRate, int channelCount) {
        rate = sampleRate;
        channels = Math.max(1, channelCount);
        if (windowSquares.length != channels) {
            windowSquares = new double[channels];
        }
        for (int i = 0; i + channels <= length; i += channels) {
            for (int c = 0; c < channels; c++) {
                int sample = pcm[i + c];
                clipped += Math.abs(sample) >= CLIPPED ? 1 : 0;
                windowSquares[c] += (double) sample * sample;
            }
            samples += channels;
            frames++;
            if (++windowFrames >= rate * WINDOW_SECONDS) {
                closeWindow();
            }
        }
    }

    /** Counts silence that lasts until the end; call once all samples are in. */
    SoundLevels finish() {
        if (windowFrames > 0) {
            closeWindow();
        }
        if (silentSince >= 0) {
            silences.add(new double[] {silentSince, seconds() - silentSince});
            silentSince = -1;
        }
        return this;
    }

    private void closeWindow() {
        double loudest = 0;
        for (double squares : windowSquares) {
            loudest = Math.max(loudest, squares);
        }
        double level = decibels(loudest / windowFrames);
        double end = seconds();
        if (level < SILENT_DB) {
            if (silentSince < 0) {
                silentSince = end - (double) windowFrames / rate;
            }
        } else {
            if (silentSince >= 0) {
                silences.add(new double[] {silentSince, end - (double) windowFrames / rate - silentSince});
                silentSince = -1;
            }
            activeSquares += loudest;
            activeSamples += windowFrames;
        }
        java.util.Arrays.fill(windowSquares, 0);
        windowFrames = 0;
    }

    /** Whether any sample was decoded. */
    boolean heard() {
        return samples > 0;
    }

    double seconds() {
        return rate == 0 ? 0 : (double) frames / rate;
    }

    /** Samples at or near full scale, in percent. */
    double clippedPercent() {
        return samples == 0 ? 0 : 100.0 * clipped / samples;
    }

    /**
     * Root-mean-square level of the loudest channel over the windows that are not silent, in dBFS; minus infinity
     * for a silent sound.
     */
    double activeLevel() {
        return activeSamples == 0 ? Double.NEGATIVE_INFINITY : decibels(activeSquares / activeSamples);
    }

    /** The silent stretches, each {start, length} in seconds. */
    List<double[]> silences() {
        return silences;
    }

    private static double decibels(double meanSquare) {
        return 10 * Math.log10(meanSquare / ((double) Short.MAX_VALUE * Short.MAX_VALUE) + 1e-20);
    }
}
