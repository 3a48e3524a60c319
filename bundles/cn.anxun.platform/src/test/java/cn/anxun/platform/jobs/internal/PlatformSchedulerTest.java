package cn.anxun.platform.jobs.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.lang.annotation.Annotation;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.After;
import org.junit.Test;

import cn.anxun.platform.internal.NodeConfig;
import cn.anxun.platform.internal.ThisNode;
import cn.anxun.platform.jobs.JobState;
import cn.anxun.platform.jobs.Outcome;
import cn.anxun.platform.jobs.Scheduler;
import cn.anxun.platform.node.Node;

public class PlatformSchedulerTest {

    private static final Duration AMPLE = Duration.ofSeconds(30);

    private final AtomicBoolean release = new AtomicBoolean();
    private final PlatformScheduler scheduler = new PlatformScheduler(Clock.systemUTC(), node(), workers(1));

    @After
    public void close() {
        release.set(true);
        scheduler.close();
    }

    private static Outcome outcomeOf(Scheduler.Run run) throws Exception {
        return run.outcome().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    /** A task that ignores interrupts until the test ends. */
    private Runnable hang() {
        return () -> {
            while (!release.get()) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException ignored) {
                    // this task does not stop when asked
                }
            }
        };
    }

    @Test
    public void aRunPastItsLimitIsAbandonedAndItsPlaceGoesToTheNext() throws Exception {
        Scheduler.Run stuck = scheduler.run("stuck", Duration.ofMillis(200), hang());
        Scheduler.Run next = scheduler.run("next", AMPLE, () -> { });
        assertEquals(Outcome.Kind.TIMED_OUT, outcomeOf(stuck).kind());
        assertEquals("one worker, yet the next run is not held up", Outcome.DONE, outcomeOf(next));
        assertTrue(scheduler.jobs().stream().anyMatch(job -> job.name().equals("stuck")
                && job.state() == JobState.State.ABANDONED));
    }

    @Test
    public void anErrorOfOneTaskIsItsOutcome() throws Exception {
        Outcome outcome = outcomeOf(scheduler.run("oom", AMPLE, () -> {
            throw new OutOfMemoryError("Java heap space");
        }));
        assertEquals(Outcome.Kind.FAILED, outcome.kind());
        assertTrue(outcome.detail(), outcome.detail().contains("OutOfMemoryError: Java heap space"));
        assertEquals(Outcome.DONE, outcomeOf(scheduler.run("after", AMPLE, () -> { })));
    }

    @Test
    public void runsWaitForAFreeWorkerAndACancelledOneNeverStarts() throws Exception {
        CountDownLatch first = new CountDownLatch(1);
        Scheduler.Run busy = scheduler.run("busy", AMPLE, () -> {
            first.countDown();
            while (!release.get()) {
                Thread.onSpinWait();
            }
        });
        assertTrue(first.await(30, TimeUnit.SECONDS));
        AtomicBoolean ran = new AtomicBoolean();
        Scheduler.Run dropped = scheduler.run("dropped", AMPLE, () -> ran.set(true));
        assertTrue(scheduler.jobs().stream().anyMatch(job -> job.name().equals("dropped")
                && job.state() == JobState.State.WAITING));
        dropped.cancel();
        release.set(true);
        assertEquals(Outcome.DONE, outcomeOf(busy));
        assertEquals(Outcome.Kind.CANCELLED, outcomeOf(dropped).kind());
        assertEquals(Outcome.DONE, outcomeOf(scheduler.run("later", AMPLE, () -> { })));
        assertTrue("a cancelled run never starts", !ran.get());
    }

    @Test
    public void aJobForOneNodeAtATimeWaitsForTheDatabaseThatHoldsItsLease() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        try (AutoCloseable repeat = scheduler.every("checkpoint", Duration.ZERO, Duration.ofMillis(10), AMPLE,
                runs::incrementAndGet)) {
            long deadline = System.nanoTime() + AMPLE.toNanos();
            Outcome last = null;
            while (last == null && System.nanoTime() < deadline) {
                last = scheduler.jobs().stream().filter(job -> job.name().equals("checkpoint")).findFirst()
                        .map(JobState::last).orElse(null);
                Thread.onSpinWait();
            }
            assertEquals(String.valueOf(last), Outcome.Kind.SKIPPED, last.kind());
            assertEquals(0, runs.get());
        }
    }

    @Test
    public void aRepeatingJobRunsAgainAfterEachRunAndStopsWhenClosed() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch three = new CountDownLatch(3);
        AutoCloseable repeat = scheduler.everyOnThisNode("purge", Duration.ZERO, Duration.ofMillis(10), AMPLE, () -> {
            runs.incrementAndGet();
            three.countDown();
        });
        assertTrue(three.await(30, TimeUnit.SECONDS));
        assertTrue(scheduler.jobs().stream().anyMatch(job -> job.name().equals("purge")
                && job.state() == JobState.State.REPEATING));
        repeat.close();
        int after = runs.get();
        assertEquals(Outcome.DONE, outcomeOf(scheduler.run("fence", AMPLE, () -> { })));
        assertTrue("at most the run already on its way", runs.get() <= after + 1);
        assertTrue(scheduler.jobs().stream().noneMatch(job -> job.name().equals("purge")));
    }

    /** A node of one, without its database: jobs for one node at a time are skipped. */
    private static Node node() {
        return new ThisNode((NodeConfig) Proxy.newProxyInstance(NodeConfig.class.getClassLoader(),
                new Class<?>[] {NodeConfig.class}, (proxy, method, args) -> method.getDefaultValue()));
    }

    private static SchedulerConfig workers(int count) {
        return new SchedulerConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return SchedulerConfig.class;
            }

            @Override
            public int workers() {
                return count;
            }
        };
    }
}
