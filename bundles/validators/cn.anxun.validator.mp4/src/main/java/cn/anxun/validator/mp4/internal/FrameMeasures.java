package cn.anxun.validator.mp4.internal;

import java.util.ArrayList;
import java.util.List;

import cn.anxun.api.media.LumaPlane;

/**
 * The picture measures of one window of frames: the median over its frames, so that a cut or a flash in one frame
 * does not decide.
 *
 * @param sharpness edges against contrast ({@link LumaPlane#sharpness()})
 * @param brightness mean luma, 0–255
 * @param blown share of pixels at 250 or brighter
 * @param shake how far the picture jumps from one frame to the next beyond a steady movement, in percent of its
 *        width, as most frame pairs show it
 */
record FrameMeasures(double sharpness, double brightness, double blown, double shake) {

    /** Shake is looked for in frames about this wide, over this many of their pixels each way. */
    private static final int SHAKE_WIDTH = 160;
    private static final int SHAKE_RANGE = 8;
    private static final int BLOWN = 250;

    static FrameMeasures of(List<LumaPlane> frames) {
        List<Double> sharpness = new ArrayList<>();
        List<Double> brightness = new ArrayList<>();
        List<Double> blown = new ArrayList<>();
        List<LumaPlane> small = new ArrayList<>();
        for (LumaPlane frame : frames) {
            sharpness.add(frame.sharpness());
            brightness.add(frame.mean());
            blown.add(frame.shareAtLeast(BLOWN));
            small.add(shrunk(frame));
        }
        return new FrameMeasures(median(sharpness), median(brightness), median(blown), shake(small,
                frames.get(0).width()));
    }

    /** The median change of the frame-to-frame movement: a steady pan changes nothing, a shaking camera much. */
    private static double shake(List<LumaPlane> small, int width) {
        if (small.size() < 3) {
            return 0;
        }
        List<int[]> moves = new ArrayList<>();
        for (int i = 1; i < small.size(); i++) {
            moves.add(small.get(i - 1).shiftTo(small.get(i), SHAKE_RANGE));
        }
        List<Double> changes = new ArrayList<>();
        for (int i = 1; i < moves.size(); i++) {
            changes.add(Math.hypot(moves.get(i)[0] - moves.get(i - 1)[0], moves.get(i)[1] - moves.get(i - 1)[1]));
        }
        double scale = (double) width / small.get(0).width();
        // the lower quartile: a scene cut or a flash moves the picture in one or two pairs, a shaking camera in all
        List<Double> sorted = changes.stream().sorted().toList();
        return sorted.get(sorted.size() / 4) * scale * 100 / width;
    }

    private static LumaPlane shrunk(LumaPlane frame) {
        LumaPlane small = frame;
        while (small.width() >= 2 * SHAKE_WIDTH) {
            small = small.halved();
        }
        return small;
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n == 0 ? 0 : n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
