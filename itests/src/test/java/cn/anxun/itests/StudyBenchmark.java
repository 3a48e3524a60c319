package cn.anxun.itests;

import static org.junit.Assert.assertEquals;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

import org.junit.Test;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;

import cn.anxun.api.face.FaceProvider;
import cn.anxun.rest.ApiResource;

/**
 * What a heartbeat costs against a bare endpoint of the same container: the same load generator, the same number of
 * connections, back to back, for 100, 1,000 and 5,000 learners each with a session of their own. Face checks are
 * answered at once by a provider of the test (they are measured in {@code FaceBenchmark}) and come too rarely to
 * matter. Prints figures; asserts only that every call succeeds. Run with
 * {@code mvn verify -pl itests -Dit.test=StudyBenchmark -Dpostgresql.skip=true}.
 */
public class StudyBenchmark extends AnxunTestSupport {

    private static final int[] LEARNERS = {100, 1000, 5000};
    private static final int CONNECTIONS = 32;
    private static final Duration RUN = Duration.ofSeconds(20);
    private static final String ECHO = "{\"name\":\"张三\",\"employer\":{\"name\":\"某公司\",\"staff\":3}}";

    @Configuration
    @Override
    public Option[] configuration() {
        List<Option> options = new ArrayList<>(List.of(super.configuration()));
        options.addAll(InstantFaces.options());
        Map.of("faceCheckMinMinutes", "600", "faceCheckMaxMinutes", "600", "idlePromptMinutes", "600")
                .forEach((key, value) -> options.add(editConfigurationFilePut("etc/cn.anxun.study.cfg", key, value)));
        return options.toArray(new Option[0]);
    }

    @Test
    public void heartbeatsAgainstABareEndpoint() throws Exception {
        bundleContext.registerService(FaceProvider.class, new InstantFaces(), null);
        bundleContext.registerService(ApiResource.class, new EchoResource(), null);
        Eventually.await("the echo resource is published", Duration.ofSeconds(10),
                () -> http.post("/api/v1/it-echo", ECHO).status() == 200);
        Identity identity = new Identity(http);
        Identity.cityInstalled(bundleContext, http, "guangzhou", "440100");
        Classroom classroom = Classroom.open(identity, "inst-bench");
        int most = LEARNERS[LEARNERS.length - 1];
        List<Http> learners = InstantFaces.parallel(most, i -> identity.learner(Identity.registration(
                IdNumbers.next(), "inst-bench")).http());
        List<String> ids = new ArrayList<>();
        for (Http learner : learners) {
            ids.add(learner.get("/api/v1/me").json().get("accountId").asText());
        }
        for (int from = 0; from < most; from += 500) {
            StringBuilder batch = new StringBuilder("{\"learners\":[");
            ids.subList(from, Math.min(most, from + 500)).forEach(id -> batch.append('"').append(id).append("\","));
            batch.setLength(batch.length() - 1);
            Http.Reply enrolled = classroom.admin().post("/api/v1/classes/" + classroom.trainingClass() + "/learners",
                    batch + "]}");
            assertEquals(enrolled.body(), 200, enrolled.status());
        }
        byte[] capture = Photos.of(Photos.CAGE_AGAIN);
        Instant started = Instant.now();
        List<String> sessions = InstantFaces.parallel(most, i -> {
            Http.Reply reply = Photos.post(learners.get(i), classroom.studyStart(), capture);
            assertEquals(reply.body(), 201, reply.status());
            return reply.json().get("session").get("id").asText();
        });
        System.out.printf("%d learners registered, enrolled and studying%n", most);
        System.out.printf("%-10s %-10s %12s %8s %8s%n", "learners", "endpoint", "requests/s", "p50 ms", "p99 ms");
        for (int count : LEARNERS) {
            Figures echo = load(i -> http.post("/api/v1/it-echo", ECHO));
            Figures beats = load(i -> {
                int learner = i % count;
                double position = Duration.between(started, Instant.now()).toMillis() / 1000.0 % 590;
                return learners.get(learner).post("/api/v1/study-sessions/" + sessions.get(learner) + "/heartbeats",
                        "{\"unit\":1,\"position\":" + position + ",\"visible\":true,\"interacted\":true}");
            });
            System.out.printf("%-10d %-10s %12.0f %8d %8d%n", count, "echo", echo.perSecond(), echo.p50(), echo.p99());
            System.out.printf("%-10d %-10s %12.0f %8d %8d   %.0f%% of echo%n", count, "heartbeat", beats.perSecond(),
                    beats.p50(), beats.p99(), 100 * beats.perSecond() / echo.perSecond());
        }
    }

    private record Figures(double perSecond, long p50, long p99) {
    }

    /** {@value #CONNECTIONS} clients, each sending its next request when the last is answered, for {@link #RUN}. */
    private static Figures load(IntFunction<Http.Reply> request) throws Exception {
        AtomicLong next = new AtomicLong();
        long end = System.nanoTime() + RUN.toNanos();
        ExecutorService clients = Executors.newFixedThreadPool(CONNECTIONS);
        try {
            List<Future<long[]>> timings = new ArrayList<>();
            for (int c = 0; c < CONNECTIONS; c++) {
                timings.add(clients.submit(() -> {
                    long[] micros = new long[1 << 16];
                    int n = 0;
                    while (System.nanoTime() < end && n < micros.length) {
                        long start = System.nanoTime();
                        Http.Reply reply = request.apply((int) next.getAndIncrement());
                        assertEquals(reply.body(), 200, reply.status());
                        micros[n++] = (System.nanoTime() - start) / 1000;
                    }
                    return Arrays.copyOf(micros, n);
                }));
            }
            long[] all = new long[0];
            for (Future<long[]> timing : timings) {
                long[] some = timing.get();
                long[] joined = Arrays.copyOf(all, all.length + some.length);
                System.arraycopy(some, 0, joined, all.length, some.length);
                all = joined;
            }
            Arrays.sort(all);
            return new Figures(all.length / (double) RUN.toSeconds(), all[all.length / 2] / 1000,
                    all[(int) (all.length * 0.99)] / 1000);
        } finally {
            clients.shutdownNow();
        }
    }
}
