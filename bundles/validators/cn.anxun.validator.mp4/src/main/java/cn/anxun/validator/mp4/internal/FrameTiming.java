package cn.anxun.validator.mp4.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * When the frames of a video are shown: the frame time most frames keep to, and the gaps where frames are missing
 * (dropped while recording or cut out while editing), which a learner sees as jumps.
 *
 * @param frameTime the usual time between two frames, in seconds (the median)
 * @param frames frames present
 * @param missing frames that would fill the gaps
 * @param gaps the gaps of one and a half to four frame times, each {start, length} in seconds
 * @param holds longer gaps: a variable-rate recording (a screen share) holds a still picture, nothing is lost
 */
record FrameTiming(double frameTime, int frames, int missing, List<double[]> gaps, int holds) {

    private static final double GAP = 1.5;
    /** A gap longer than this many frame times is a hold of a variable-rate recording, not dropped frames. */
    private static final double HOLD = 4;

    static FrameTiming of(double[] presentationTimes) {
        double[] times = presentationTimes.clone();
        Arrays.sort(times);
        if (times.length < 2) {
            return new FrameTiming(0, times.length, 0, List.of(), 0);
        }
        double[] steps = new double[times.length - 1];
        for (int i = 1; i < times.length; i++) {
            steps[i - 1] = times[i] - times[i - 1];
        }
        double[] sorted = steps.clone();
        Arrays.sort(sorted);
        double frameTime = sorted[sorted.length / 2];
        int missing = 0;
        int holds = 0;
        List<double[]> gaps = new ArrayList<>();
        for (int i = 0; i < steps.length; i++) {
            if (frameTime > 0 && steps[i] > HOLD * frameTime) {
                holds++;
            } else if (frameTime > 0 && steps[i] > GAP * frameTime) {
                missing += (int) Math.round(steps[i] / frameTime) - 1;
                gaps.add(new double[] {times[i], steps[i]});
            }
        }
        return new FrameTiming(frameTime, times.length, missing, gaps, holds);
    }

    /** Frames a second. */
    double rate() {
        return frameTime == 0 ? 0 : 1 / frameTime;
    }

    /** Missing frames in percent of all the frames there should be. */
    double missingPercent() {
        return frames + missing == 0 ? 0 : 100.0 * missing / (frames + missing);
    }

    double longestGap() {
        return gaps.stream().mapToDouble(gap -> gap[1]).max().orElse(0);
    }
}
