package cn.anxun.itests;

import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

import org.ops4j.pax.exam.Option;

import cn.anxun.api.face.DetectedFace;
import cn.anxun.api.face.FaceComparison;
import cn.anxun.api.face.FaceDetection;
import cn.anxun.api.face.FaceProvider;

/**
 * What benchmarks make their thousands of learners with: a face provider that finds one good face in any image and
 * matches every pair, at once (chosen with {@code provider = instant} in etc/cn.anxun.face.cfg), and a few threads.
 */
final class InstantFaces implements FaceProvider {

    @Override
    public String id() {
        return "instant";
    }

    @Override
    public String label() {
        return "instant (benchmark)";
    }

    @Override
    public double defaultThreshold() {
        return 0.5;
    }

    @Override
    public FaceDetection detect(byte[] image) {
        return FaceDetection.of(List.of(new DetectedFace(10, 10, 200, 200, 1, 1, null)));
    }

    @Override
    public FaceComparison compare(byte[] reference, byte[] live, double threshold) {
        return FaceComparison.scored(1, threshold);
    }

    /** The settings that choose it, with password hashing at cost 4, to make many accounts quickly. */
    static List<Option> options() {
        return List.of(editConfigurationFilePut("etc/cn.anxun.identity.cfg", "passwordHashCost", "4"),
                editConfigurationFilePut("etc/cn.anxun.face.cfg", "provider", "instant"));
    }

    /** Makes {@code count} things on 4 threads, in order. */
    static <T> List<T> parallel(int count, IntFunction<T> make) throws Exception {
        ExecutorService workers = Executors.newFixedThreadPool(4);
        try {
            List<Future<T>> made = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                made.add(workers.submit((Callable<T>) () -> make.apply(index)));
            }
            List<T> all = new ArrayList<>();
            for (Future<T> one : made) {
                all.add(one.get());
            }
            return all;
        } finally {
            workers.shutdownNow();
        }
    }
}
