package cn.anxun.validator.mp4.internal;

import static org.junit.Assert.assertEquals;

import java.util.stream.DoubleStream;
import java.util.stream.IntStream;

import org.junit.Test;

public class FrameTimingTest {

    @Test
    public void framesMissingHereAndThereAreCountedWhereTheyAre() {
        double[] times = IntStream.range(0, 100).filter(i -> i % 10 != 9).mapToDouble(i -> i * 0.04).toArray();
        FrameTiming timing = FrameTiming.of(times);
        assertEquals(25, timing.rate(), 1e-9);
        assertEquals(9, timing.missing());
        assertEquals(0.32, timing.gaps().get(0)[0], 1e-9);
        assertEquals(0.08, timing.longestGap(), 1e-9);
        assertEquals(0, timing.holds());
    }

    @Test
    public void aStillPictureHeldByAVariableRateRecordingIsNotMissingFrames() {
        double[] times = DoubleStream.concat(IntStream.range(0, 50).mapToDouble(i -> i * 0.04),
                IntStream.range(0, 50).mapToDouble(i -> 12 + i * 0.04)).toArray();
        FrameTiming timing = FrameTiming.of(times);
        assertEquals(0, timing.missing());
        assertEquals(1, timing.holds());
    }
}
