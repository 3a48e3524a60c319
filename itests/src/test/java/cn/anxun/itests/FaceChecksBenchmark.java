package cn.anxun.itests;

import static org.junit.Assert.assertEquals;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.Test;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;

/**
 * Face checks a node answers per second with the embedded provider, from 1, 2, 4 and 8 parallel clients, each
 * posting captures of its own learner over HTTP: the reference photo's template is kept, the capture's is made on
 * one of the provider's sets of networks (one per core). Prints figures; asserts only that every check matches.
 * Run with {@code mvn verify -pl itests -Dit.test=FaceChecksBenchmark -Dpostgresql.skip=true}.
 */
public class FaceChecksBenchmark extends AnxunTestSupport {

    private static final int[] CLIENTS = {1, 2, 4, 8};
    private static final Duration RUN = Duration.ofSeconds(20);
    private static final int CAPTURES = 400;

    @Configuration
    @Override
    public Option[] configuration() {
        List<Option> options = new ArrayList<>(List.of(super.configuration()));
        // the captures are copies of one photo, some differing by a pixel: measured here as checks, not refused as
        // replays (each is still compared with the learner's latest captures)
        options.add(editConfigurationFilePut("etc/cn.anxun.face.cfg", "replaySimilarity", "2"));
        return options.toArray(new Option[0]);
    }

    @Test
    public void checksPerSecondFromParallelClients() throws Exception {
        Identity identity = new Identity(http);
        Identity.cityInstalled(bundleContext, http, "guangzhou", "440100");
        List<byte[]> captures = new ArrayList<>();
        for (int i = 0; i < CAPTURES; i++) {
            captures.add(Photos.variant(Photos.CAGE_AGAIN, 1000 + i));
        }
        System.out.printf("%-8s %10s %8s %8s%n", "clients", "checks/s", "p50 ms", "p99 ms");
        for (int clients : CLIENTS) {
            // learners of their own, whose reference templates their first checks make and keep
            List<Identity.Account> learners = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                learners.add(identity.learner(Identity.registration(IdNumbers.next(), null)));
                check(learners.get(c), captures.get(0));
            }
            long end = System.nanoTime() + RUN.toNanos();
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            try {
                List<Future<long[]>> runs = new ArrayList<>();
                for (Identity.Account learner : learners) {
                    runs.add(pool.submit(() -> {
                        long[] millis = new long[CAPTURES];
                        int n = 0;
                        while (System.nanoTime() < end && n + 1 < CAPTURES) {
                            long start = System.nanoTime();
                            check(learner, captures.get(n + 1));
                            millis[n++] = (System.nanoTime() - start) / 1_000_000;
                        }
                        return Arrays.copyOf(millis, n);
                    }));
                }
                long[] all = new long[0];
                for (Future<long[]> run : runs) {
                    long[] some = run.get();
                    long[] joined = Arrays.copyOf(all, all.length + some.length);
                    System.arraycopy(some, 0, joined, all.length, some.length);
                    all = joined;
                }
                Arrays.sort(all);
                System.out.printf("%-8d %10.1f %8d %8d%n", clients, all.length / (double) RUN.toSeconds(),
                        all[all.length / 2], all[(int) (all.length * 0.99)]);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private static void check(Identity.Account learner, byte[] capture) {
        Http.Reply checked = Photos.post(learner.http(), "/api/v1/learners/" + learner.id()
                + "/face-checks?purpose=TRIAL", capture);
        assertEquals(checked.body(), 201, checked.status());
        assertEquals(checked.body(), "MATCH", checked.json().get("decision").asText());
    }
}
