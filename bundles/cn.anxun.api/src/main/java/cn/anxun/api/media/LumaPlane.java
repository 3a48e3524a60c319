package cn.anxun.api.media;

/**
 * The brightness (luma, 0–255) of a picture or a video frame, with the measures the picture-quality rules of R-18
 * are judged by. Validators of different formats measure alike through it.
 *
 * @param width pixels across
 * @param height pixels down
 * @param values row after row, each 0–255
 */
public record LumaPlane(int width, int height, int[] values) {

    public LumaPlane {
        if (width < 1 || height < 1 || values.length != width * height) {
            throw new IllegalArgumentException(width + "×" + height + " does not hold " + values.length + " values");
        }
    }

    public int at(int x, int y) {
        return values[y * width + x];
    }

    public double mean() {
        long sum = 0;
        for (int value : values) {
            sum += value;
        }
        return (double) sum / values.length;
    }

    /** The share of pixels at {@code level} or brighter, 0–1: blown highlights near 255. */
    public double shareAtLeast(int level) {
        long count = 0;
        for (int value : values) {
            count += value >= level ? 1 : 0;
        }
        return (double) count / values.length;
    }

    /**
     * How sharp the picture is: the variance of its Laplacian (edges) divided by the variance of its brightness
     * (contrast), so that a dim or flat but sharp picture is not taken for a blurred one. A blurred picture scores
     * low; 0 for a picture of one colour.
     */
    public double sharpness() {
        if (width < 3 || height < 3) {
            return 0;
        }
        double contrast = variance(values);
        int[] laplacian = new int[(width - 2) * (height - 2)];
        int i = 0;
        for (int y = 1; y < height - 1; y++) {
            for (int x = 1; x < width - 1; x++) {
                laplacian[i++] = at(x - 1, y) + at(x + 1, y) + at(x, y - 1) + at(x, y + 1) - 4 * at(x, y);
            }
        }
        return contrast < 1 ? 0 : variance(laplacian) / contrast;
    }

    /** The picture at half the size each way, each pixel the mean of four. */
    public LumaPlane halved() {
        int w = Math.max(1, width / 2);
        int h = Math.max(1, height / 2);
        int[] half = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int x2 = Math.min(2 * x + 1, width - 1);
                int y2 = Math.min(2 * y + 1, height - 1);
                half[y * w + x] = (at(2 * x, 2 * y) + at(x2, 2 * y) + at(2 * x, y2) + at(x2, y2) + 2) / 4;
            }
        }
        return new LumaPlane(w, h, half);
    }

    /**
     * How far the picture's content moved to become {@code next}, in pixels of this plane: the shift of at most
     * {@code range} each way under which the two differ least.
     *
     * @return {dx, dy}
     */
    public int[] shiftTo(LumaPlane next, int range) {
        int[] best = {0, 0};
        double least = Double.MAX_VALUE;
        for (int dy = -range; dy <= range; dy++) {
            for (int dx = -range; dx <= range; dx++) {
                double difference = difference(next, dx, dy, range);
                if (difference < least) {
                    least = difference;
                    best = new int[] {dx, dy};
                }
            }
        }
        return best;
    }

    /** Mean absolute difference between this picture and {@code next} shifted back by (dx, dy), inside a margin. */
    private double difference(LumaPlane next, int dx, int dy, int margin) {
        long sum = 0;
        long count = 0;
        for (int y = margin; y < height - margin; y++) {
            for (int x = margin; x < width - margin; x++) {
                sum += Math.abs(at(x, y) - next.at(x + dx, y + dy));
                count++;
            }
        }
        return count == 0 ? Double.MAX_VALUE : (double) sum / count;
    }

    private static double variance(int[] values) {
        double sum = 0;
        double squares = 0;
        for (int value : values) {
            sum += value;
            squares += (double) value * value;
        }
        double mean = sum / values.length;
        return squares / values.length - mean * mean;
    }
}
