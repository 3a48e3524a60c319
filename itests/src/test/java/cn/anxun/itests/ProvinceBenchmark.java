package cn.anxun.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assume.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;

import org.junit.Test;


/**
 * A province's study load on two nodes behind HAProxy, on PostgreSQL ({@link TwoNodes}), on this machine, which
 * also runs the load. {@code anxun.benchmark.sessions} learners (2,000 unless set) each open a study session; then
 * every session sends a heartbeat every 30, 5, 4, 3, 2.5 and 2 s in turn ({@code anxun.benchmark.intervals}, in ms,
 * for other steps), so that the load is that of sessions x 30 / interval learners at one heartbeat per 30 s, and
 * answers the face checks the platform asks for. Each step is measured for 60 s after 20 s of warm-up. Prints, per
 * step: heartbeats a second, their p50 and p99, face checks, errors, the cores each node, PostgreSQL, HAProxy, the
 * load generator, the kernel's interrupts and the whole machine kept busy, and the database's transactions a second,
 * sessions opened and connections.
 * Not part of the suite: {@code mvn verify -pl itests -Dit.test=ProvinceBenchmark} (after a build, PostgreSQL run).
 */
public class ProvinceBenchmark {

    /** Milliseconds between a session's heartbeats, step by step, unless {@code anxun.benchmark.intervals} says. */
    private static final String INTERVALS = "30000,5000,4000,3000,2500,2000";
    /** Six steps of 80 s stay within the course's first unit, a ten-minute video. */
    private static final Duration WARM_UP = Duration.ofSeconds(20);
    private static final Duration MEASURED = Duration.ofSeconds(60);
    private static final long TICKS = 100; // Linux's USER_HZ
    /** Numbers the captures: no two are the same file, which the platform would refuse as a replay. */
    private static final AtomicInteger CAPTURES = new AtomicInteger(200_000);

    /** One learner's session under load. */
    private record Session(String id, String token) {
    }

    /** What one step measured. */
    private static final class Step {

        final ConcurrentLinkedQueue<Long> beats = new ConcurrentLinkedQueue<>();
        final AtomicInteger checks = new AtomicInteger();
        final AtomicInteger errors = new AtomicInteger();
        volatile boolean measuring;
    }

    @Test
    public void aProvincesStudyLoadOnTwoNodes() throws Exception {
        assumeTrue("several nodes share a PostgreSQL database", TestDatabase.postgresql());
        int count = Integer.getInteger("anxun.benchmark.sessions", 2_000);
        try (TwoNodes nodes = TwoNodes.started(Path.of(System.getProperty("anxun.work"), "province"),
                // cheap passwords to make the accounts quickly; tokens that outlive the run
                Map.of("etc/cn.anxun.identity.cfg", Map.of("passwordHashCost", "4", "accessTokenSeconds", "7200")))) {
            List<Session> sessions = open(nodes, count);
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            System.out.printf("%8s %9s %8s %7s %7s %6s %6s %6s %6s %6s %6s %6s %6s %7s %8s %6s %5s%n", "learners",
                    "interval", "beats/s", "p50 ms", "p99 ms", "checks", "errors", "node-a", "node-b", "db", "proxy",
                    "load", "kernel", "machine", "db tx/s", "db new", "conns");
            long started = System.nanoTime();
            for (String step : System.getProperty("anxun.benchmark.intervals", INTERVALS).split(",")) {
                measure(nodes, sessions, client, started, Long.parseLong(step.trim()));
            }
        }
    }

    /** One step: every session beating at that interval, warmed up, then measured and printed. */
    private static void measure(TwoNodes nodes, List<Session> sessions, HttpClient client, long started,
            long interval) throws Exception {
        Step step = new Step();
        ScheduledExecutorService timer = Executors.newScheduledThreadPool(2);
        for (int i = 0; i < sessions.size(); i++) {
            Session session = sessions.get(i);
            timer.scheduleAtFixedRate(() -> beat(client, nodes.balancer.port, session, started, step),
                    interval * i / sessions.size(), interval, TimeUnit.MILLISECONDS);
        }
        Player.waitUntil(Instant.now().plus(WARM_UP));
        Sample before = Sample.of(nodes);
        step.measuring = true;
        Player.waitUntil(Instant.now().plus(MEASURED));
        step.measuring = false;
        Sample after = Sample.of(nodes);
        timer.shutdownNow();
        double seconds = (after.at - before.at) / 1e9;
        long[] latencies = step.beats.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("%8d %8.1fs %8.0f %7.1f %7.1f %6d %6d" + " %6.2f".repeat(6) + " %7.2f %8.0f %6d %5d%n",
                sessions.size() * 30_000L / interval, interval / 1000.0, latencies.length / seconds,
                percentile(latencies, 50), percentile(latencies, 99), step.checks.get(), step.errors.get(),
                cores(after.nodeA - before.nodeA, seconds), cores(after.nodeB - before.nodeB, seconds),
                cores(after.postgres - before.postgres, seconds), cores(after.haproxy - before.haproxy, seconds),
                cores(after.load - before.load, seconds), cores(after.kernel - before.kernel, seconds),
                (after.busy - before.busy) / (double) Math.max(1, after.total - before.total) * cores(),
                (after.commits - before.commits) / seconds, after.sessions - before.sessions, after.connections);
    }

    /**
     * Counters at one moment: CPU ticks of each node, PostgreSQL, HAProxy, the load generator, the kernel's
     * interrupts (where loopback traffic is handled), the machine's busy and total ticks; the database's commits,
     * sessions opened so far and connections now.
     */
    private record Sample(long at, long nodeA, long nodeB, long postgres, long haproxy, long load, long kernel,
            long busy, long total, long commits, long sessions, long connections) {

        static Sample of(TwoNodes nodes) throws IOException, InterruptedException {
            long[] machine = machine();
            long[] database = database();
            return new Sample(System.nanoTime(), cpu(nodes.a.pid()), cpu(nodes.b.pid()), cpu("postgres"),
                    cpu("haproxy"), cpu(ProcessHandle.current().pid()), machine[2], machine[0], machine[1],
                    database[0], database[1], database[2]);
        }
    }

    /** Learners registered, enrolled in one class, each with a study session open. */
    private static List<Session> open(TwoNodes nodes, int count) throws Exception {
        Identity identity = new Identity(nodes.http);
        Identity.Account operator = identity.staff("OPERATOR", null, null);
        assertEquals(200, operator.http().post("/api/v1/city-modules/440100/install", "").status());
        Eventually.await("440100 on both nodes", Duration.ofSeconds(30), () -> new Http(nodes.a.httpPort)
                .get("/api/v1/cities").body().contains("\"440100\"") && new Http(nodes.b.httpPort)
                        .get("/api/v1/cities").body().contains("\"440100\""));
        Classroom classroom = Classroom.open(identity, "inst-province");
        long from = System.nanoTime();
        List<Identity.Account> learners = InstantFaces.parallel(count, i -> identity.learner(
                Identity.registration(IdNumbers.next(), "inst-province")));
        for (int first = 0; first < count; first += 500) {
            StringBuilder batch = new StringBuilder("{\"learners\":[");
            learners.subList(first, Math.min(count, first + 500)).forEach(learner -> batch.append('"')
                    .append(learner.id()).append("\","));
            batch.setLength(batch.length() - 1);
            Http.Reply enrolled = classroom.admin().post("/api/v1/classes/" + classroom.trainingClass()
                    + "/learners", batch + "]}");
            assertEquals(enrolled.body(), 200, enrolled.status());
        }
        List<Session> sessions = InstantFaces.parallel(count, i -> {
            Http.Reply reply = Photos.post(learners.get(i).http(), classroom.studyStart(),
                    Photos.variant(Photos.CAGE_AGAIN, 100_000 + i));
            assertEquals(reply.body(), 201, reply.status());
            return new Session(reply.json().get("session").get("id").asText(), learners.get(i).token());
        });
        System.out.printf("%d learners registered, enrolled and studying after %d s%n", count,
                (System.nanoTime() - from) / 1_000_000_000L);
        return sessions;
    }

    /**
     * A heartbeat at the position played since the load began, sent without waiting for its answer (so that a slow
     * answer delays no other learner's beat); a face check when the platform asks for one.
     */
    private static void beat(HttpClient client, int port, Session session, long started, Step step) {
        double position = (System.nanoTime() - started) / 1e9;
        long sent = System.nanoTime();
        client.sendAsync(request(port, "/api/v1/study-sessions/" + session.id() + "/heartbeats", session.token(),
                "application/json", HttpRequest.BodyPublishers.ofString("{\"unit\":1,\"position\":" + position
                        + ",\"visible\":true,\"interacted\":true}")), HttpResponse.BodyHandlers.ofString())
                .whenComplete((answer, failure) -> {
                    long took = System.nanoTime() - sent;
                    if (failure != null || answer.statusCode() != 200) {
                        step.errors.incrementAndGet();
                        return;
                    }
                    if (step.measuring) {
                        step.beats.add(took);
                    }
                    if (answer.body().contains("\"action\":\"FACE_CHECK\"")) {
                        client.sendAsync(request(port, "/api/v1/study-sessions/" + session.id() + "/face-checks",
                                session.token(), "image/jpeg", HttpRequest.BodyPublishers.ofByteArray(
                                        Photos.variant(Photos.CAGE_AGAIN, CAPTURES.incrementAndGet()))),
                                HttpResponse.BodyHandlers.discarding()).whenComplete((checked, error) ->
                                        (error == null && checked.statusCode() == 200 ? step.checks : step.errors)
                                                .incrementAndGet());
                    }
                });
    }

    private static HttpRequest request(int port, String path, String token, String type,
            HttpRequest.BodyPublisher body) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", type).POST(body).build();
    }

    private static double percentile(long[] sorted, int percent) {
        return sorted.length == 0 ? Double.NaN
                : sorted[Math.min(sorted.length - 1, sorted.length * percent / 100)] / 1e6;
    }

    /**
     * CPU time of a process and of its children that ended, in clock ticks: user and system (fields 14 to 17 of
     * /proc/pid/stat). PostgreSQL's server process reaps the backends of closed connections, so their time counts.
     */
    private static long cpu(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return LongStream.rangeClosed(11, 14).map(field -> Long.parseLong(fields[(int) field])).sum();
    }

    /** The CPU time of every process of that command (PostgreSQL's backends, HAProxy), in clock ticks. */
    private static long cpu(String command) throws IOException {
        long ticks = 0;
        try (var processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes.filter(path -> path.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    String stat = Files.readString(process.resolve("stat"));
                    if (stat.contains("(" + command + ")")) {
                        ticks += cpu(Long.parseLong(process.getFileName().toString()));
                    }
                } catch (IOException gone) {
                    // a process that ended meanwhile
                }
            }
        }
        return ticks;
    }

    /** Cores busy on average: ticks over seconds. */
    private static double cores(long ticks, double seconds) {
        return ticks / (double) TICKS / seconds;
    }

    /** The machine's busy, total and interrupt ticks (hardware and soft), from /proc/stat. */
    private static long[] machine() throws IOException {
        long[] ticks = Arrays.stream(Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+"))
                .skip(1).mapToLong(Long::parseLong).toArray();
        long idle = ticks[3] + ticks[4];
        long total = Arrays.stream(ticks).limit(8).sum();
        return new long[] {total - idle, total, ticks[5] + ticks[6]};
    }

    private static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** The database's committed transactions and sessions opened so far, and its connections now, from psql. */
    private static long[] database() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(PostgresServer.programs() + "/psql", "-h", "127.0.0.1",
                "-p", String.valueOf(PostgresServer.port()), "-U", PostgresServer.USER, "-d", "postgres", "-At",
                "-c", "SELECT sum(xact_commit), sum(sessions), (SELECT count(*) FROM pg_stat_activity WHERE datname "
                        + "LIKE 'anxun%') FROM pg_stat_database WHERE datname LIKE 'anxun%'"));
        Process psql = new ProcessBuilder(command).redirectErrorStream(true).start();
        String[] row = new String(psql.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim().split("\\|");
        psql.waitFor(30, TimeUnit.SECONDS);
        return Arrays.stream(row).mapToLong(Long::parseLong).toArray();
    }
}
