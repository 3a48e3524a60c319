package cn.anxun.itests;

import static org.junit.Assert.assertEquals;
import static org.ops4j.pax.exam.CoreOptions.vmOptions;

import java.lang.management.ManagementFactory;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.junit.Test;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;

import cn.anxun.api.face.FaceProvider;

/**
 * What handing archives over costs: an institution's handover package of 1,000, 5,000 and 10,000 learners, each
 * registered, enrolled in one of the institution's classes of 100 and with two ledger entries. The package is
 * exported twice: once for its time and size, once for the heap the platform keeps live while it streams it (sampled
 * after full collections, which here clear soft references too). Then it is imported into a second, empty platform
 * (time, and that platform's resident memory). The learners are made through the API with password hashing at cost 4
 * and a face provider that answers at once; their ledger entries are inserted as {@link LedgerBenchmark} inserts them
 * and taken into the tree by checkpoints. Prints figures; asserts only that the calls succeed. Run with
 * {@code mvn verify -pl itests -Dit.test=ArchiveBenchmark -Dpostgresql.skip=true}.
 */
public class ArchiveBenchmark extends AnxunTestSupport {

    private static final int[] LEARNERS = {1_000, 5_000, 10_000};
    private static final int CLASS_SIZE = 100;

    @Configuration
    @Override
    public Option[] configuration() {
        List<Option> options = new ArrayList<>(List.of(super.configuration()));
        // soft references go at every collection, so the sampled heap is what the platform holds strongly; LiveHeap
        // reads G1's old generation
        options.add(vmOptions("-XX:+UseG1GC", "-XX:SoftRefLRUPolicyMSPerMB=0"));
        options.addAll(InstantFaces.options());
        options.addAll(Distribution.locations());
        return options.toArray(new Option[0]);
    }

    @Test
    public void handoverPackagesOfOneFiveAndTenThousandLearners() throws Exception {
        bundleContext.registerService(FaceProvider.class, new InstantFaces(), null);
        try (Distribution receiving = HandedOver.receiving()) {
            Identity identity = new Identity(http);
            Identity.cityInstalled(bundleContext, http, "guangzhou", "440100");
            Http operator = identity.staff("OPERATOR", null, null).http().patient(Duration.ofMinutes(10));
            Http there = new Http(receiving.httpPort).patient(Duration.ofMinutes(30));
            Eventually.await("the receiving platform is ready", Duration.ofSeconds(150), there::ready);
            Http receivingOperator = new Identity(there).staff("OPERATOR", null, null).http()
                    .patient(Duration.ofMinutes(30));
            String receiverKey = there.get("/api/v1/handover/key").body();
            String sourceKey = http.get("/api/v1/ledger/key").body().strip();
            System.out.printf("%8s %10s %10s %16s %10s %16s%n", "learners", "export s", "MB", "live heap MB",
                    "import s", "receiver RSS MB");
            for (int count : LEARNERS) {
                String institution = "inst-archive-bench-" + count;
                Classroom classroom = Classroom.open(identity, institution);
                enrolWithEntries(identity, classroom, institution, count - 1, operator);
                Path zip = Files.createTempFile(Path.of(System.getProperty("anxun.work")), "handover-", ".zip");
                Http admin = classroom.admin().patient(Duration.ofMinutes(30));
                String path = "/api/v1/institutions/" + institution + "/handover-package";
                String request = "{\"receiverKey\":" + receiverKey + "}";
                long start = System.nanoTime();
                assertExported(admin.postInto(path, request, zip), zip);
                long exported = System.nanoTime() - start;
                LiveHeap heap = LiveHeap.watch();
                assertExported(admin.postInto(path, request, zip), zip);
                String live = heap.stop();
                start = System.nanoTime();
                Http.Reply imported = receivingOperator.raw("POST", "/api/v1/handover-imports?sourceKey="
                        + URLEncoder.encode(sourceKey, StandardCharsets.UTF_8), "application/zip",
                        HttpRequest.BodyPublishers.ofFile(zip));
                long importTook = System.nanoTime() - start;
                assertEquals(imported.body(), 201, imported.status());
                assertEquals(count, imported.json().get("learners").size());
                System.out.printf("%8d %10.1f %10d %16s %10.1f %16d%n", count, exported / 1e9, Files.size(zip) >> 20,
                        live, importTook / 1e9, receiving.residentMiB());
                Files.delete(zip);
            }
        }
    }

    private static void assertExported(int status, Path zip) throws Exception {
        if (status != 200) {
            throw new AssertionError(status + " " + Files.readString(zip));
        }
    }

    /**
     * Registers {@code more} learners besides the classroom's and enrols them in classes of {@value #CLASS_SIZE}, as
     * real classes are (the classroom's first); gives each two ledger entries in their class, taken into the tree.
     */
    private void enrolWithEntries(Identity identity, Classroom classroom, String institution, int more, Http operator)
            throws Exception {
        List<String> ids = new ArrayList<>(List.of(classroom.learner().id()));
        ids.addAll(InstantFaces.parallel(more, i -> identity.learner(Identity.registration(IdNumbers.next(),
                institution)).id()));
        Map<String, String> classOf = new HashMap<>();
        for (int from = 0; from < ids.size(); from += CLASS_SIZE) {
            List<String> members = ids.subList(from, Math.min(ids.size(), from + CLASS_SIZE));
            String trainingClass = from == 0 ? classroom.trainingClass() : Classroom.openClass(classroom.admin(),
                    institution, List.of(classroom.course()), members.get(0));
            // the first is enrolled already: the classroom's learner, or the one the class was opened with
            StringBuilder batch = new StringBuilder("{\"learners\":[");
            members.subList(1, members.size()).forEach(id -> batch.append('"').append(id).append("\","));
            batch.setLength(batch.length() - 1);
            Http.Reply enrolled = classroom.admin().post("/api/v1/classes/" + trainingClass + "/learners",
                    batch + "]}");
            assertEquals(enrolled.body(), 200, enrolled.status());
            members.forEach(id -> classOf.put(id, trainingClass));
        }
        try (Connection connection = database().getConnection()) {
            connection.setAutoCommit(false);
            for (String learner : ids) {
                LedgerBenchmark.insert(connection, learner, classOf.get(learner), classroom.course(),
                        "archive-bench-" + learner, 0, 2, true, 2);
            }
        }
        long size = -1;
        long last;
        do {
            last = size;
            Http.Reply signed = operator.post("/api/v1/ledger/checkpoints", "");
            assertEquals(signed.body(), 200, signed.status());
            size = signed.json().get("treeSize").asLong();
        } while (size != last);
    }

    /**
     * The largest heap in use after a full collection, forced every second while it watches: what the platform keeps
     * live. Read from the old generation's usage after each full collection that happened (one asked for while a
     * thread holds the collector off is skipped, and reading the heap then would count garbage). The collections slow
     * what runs meanwhile, so it watches a run of its own.
     */
    private static final class LiveHeap {

        private final GarbageCollectorMXBean full = ManagementFactory.getGarbageCollectorMXBeans().stream()
                .filter(collector -> collector.getName().contains("Old")).findFirst().orElseThrow();
        private final MemoryPoolMXBean old = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP && pool.getName().contains("Old")).findFirst()
                .orElseThrow();
        private final AtomicLong most = new AtomicLong();
        private volatile long before = -1;
        private final Thread sampler = new Thread(this::sample, "live heap");
        private volatile boolean watching = true;

        static LiveHeap watch() {
            LiveHeap heap = new LiveHeap();
            heap.before = heap.collected();
            heap.sampler.setDaemon(true);
            heap.sampler.start();
            return heap;
        }

        private void sample() {
            while (watching) {
                most.accumulateAndGet(collected(), Math::max);
                LockSupport.parkNanos(1_000_000_000L);
            }
        }

        /** The old generation after a full collection asked for now, or 0 if none took place. */
        private long collected() {
            long count = full.getCollectionCount();
            System.gc();
            return full.getCollectionCount() > count ? old.getCollectionUsage().getUsed() : 0;
        }

        /** The live heap before and the most while it watched, in MiB, as {@code before → most}. */
        String stop() throws InterruptedException {
            watching = false;
            sampler.join();
            return (before >> 20) + " → " + (most.get() >> 20);
        }
    }
}
