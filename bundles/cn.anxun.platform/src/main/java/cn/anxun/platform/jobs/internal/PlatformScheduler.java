package cn.anxun.platform.jobs.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.anxun.platform.jobs.JobRun;
import cn.anxun.platform.jobs.JobState;
import cn.anxun.platform.jobs.Outcome;
import cn.anxun.platform.jobs.Scheduler;
import cn.anxun.platform.node.Node;
import cn.anxun.platform.schema.Schemas;

/**
 * Runs are queued in order and each gets a thread of its own when one of the {@link SchedulerConfig#workers()}
 * places is free. A single timer thread starts repeating jobs and ends runs at their limit; it never runs a task.
 * A run past its limit gives its place back at once, so a task that ignores the interrupt costs its own thread,
 * never the others' work.
 */
@Component(service = Scheduler.class, configurationPid = SchedulerConfig.PID)
@Designate(ocd = SchedulerConfig.class)
public class PlatformScheduler implements Scheduler {

    private static final Logger LOG = LoggerFactory.getLogger(PlatformScheduler.class);

    private final Clock clock;
    private final Workers workers;
    private final ScheduledExecutorService timer;
    private final BlockingQueue<Job> waiting = new LinkedBlockingQueue<>();
    private final Set<Job> jobs = ConcurrentHashMap.newKeySet();
    private final Set<Repeat> repeats = ConcurrentHashMap.newKeySet();
    private final Thread dispatcher;
    private final JobLeases leases;

    /** The platform's own tables, for the leases; optional, so that the scheduler runs before the database. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            target = "(" + Schemas.SCHEMA_PROPERTY + "=cn.anxun.platform)")
    private volatile DataSource database;

    @Activate
    public PlatformScheduler(@Reference Clock clock, @Reference Node node, SchedulerConfig config) {
        this.clock = clock;
        this.leases = new JobLeases(() -> database, node::name, clock);
        this.workers = new Workers(Math.max(1, config.workers()));
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> daemon(runnable, "anxun-scheduler-timer"));
        this.dispatcher = daemon(this::dispatch, "anxun-scheduler");
        dispatcher.start();
    }

    @Modified
    void modified(SchedulerConfig config) {
        workers.resize(Math.max(1, config.workers()));
    }

    @Deactivate
    void close() {
        repeats.forEach(Repeat::close);
        dispatcher.interrupt();
        timer.shutdownNow();
        jobs.forEach(Job::cancel);
    }

    @Override
    public Run run(String name, Duration limit, Runnable task) {
        Job job = new Job(name, limit, task);
        jobs.add(job);
        waiting.add(job);
        return job;
    }

    @Override
    public AutoCloseable every(String name, Duration delay, Duration period, Duration limit, Runnable task) {
        return repeat(name, delay, period, limit, () -> {
            Instant started;
            try {
                started = leases.take(name, period, limit);
            } catch (JobLeases.NotTaken e) {
                throw new Skipped(e.getMessage());
            }
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                leases.release(name, started, new Outcome(Outcome.Kind.FAILED, e.getClass().getName() + ": "
                        + e.getMessage()));
                throw e;
            }
            leases.release(name, started, Outcome.DONE);
        });
    }

    @Override
    public AutoCloseable everyOnThisNode(String name, Duration delay, Duration period, Duration limit,
            Runnable task) {
        return repeat(name, delay, period, limit, task);
    }

    private AutoCloseable repeat(String name, Duration delay, Duration period, Duration limit, Runnable task) {
        Repeat repeat = new Repeat(name, period, limit, task);
        repeats.add(repeat);
        repeat.after(delay);
        return repeat;
    }

    /** A repeating job's run this node leaves to another. */
    private static final class Skipped extends RuntimeException {

        private static final long serialVersionUID = 1L;

        Skipped(String why) {
            super(why, null, false, false);
        }
    }

    @Override
    public List<JobState> jobs() {
        List<JobState> states = new ArrayList<>();
        repeats.forEach(repeat -> states.add(new JobState(repeat.name, JobState.State.REPEATING, repeat.since,
                repeat.last)));
        jobs.forEach(job -> states.add(new JobState(job.name, job.state, job.entered, null)));
        return states;
    }

    @Override
    public List<JobRun> runs(Instant since, int most) {
        return leases.runs(since, most);
    }

    private void dispatch() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Job job = waiting.take();
                workers.acquire();
                if (!job.start()) {
                    workers.release();
                }
            }
        } catch (InterruptedException closing) {
            Thread.currentThread().interrupt();
        }
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }

    /** One run: waiting, then on its own thread, then settled once — by its end, its limit or a cancel. */
    private final class Job implements Run {

        private final String name;
        private final Duration limit;
        private final Runnable task;
        private final CompletableFuture<Outcome> outcome = new CompletableFuture<>();
        private volatile JobState.State state = JobState.State.WAITING;
        private volatile Instant entered = clock.instant();
        private Thread thread;
        private boolean holdsPlace;

        Job(String name, Duration limit, Runnable task) {
            this.name = name;
            this.limit = limit;
            this.task = task;
        }

        synchronized boolean start() {
            if (outcome.isDone()) {
                return false;
            }
            holdsPlace = true;
            enter(JobState.State.RUNNING);
            thread = daemon(this::work, "anxun-job " + name);
            try {
                timer.schedule(this::expire, limit.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException closing) {
                settle(new Outcome(Outcome.Kind.CANCELLED, "the scheduler stopped"));
                return true;
            }
            thread.start();
            return true;
        }

        private void work() {
            Outcome result = Outcome.DONE;
            try {
                task.run();
            } catch (Skipped e) {
                result = new Outcome(Outcome.Kind.SKIPPED, e.getMessage());
            } catch (Throwable e) {
                // an Error of one task, OutOfMemoryError included, is that task's outcome
                result = new Outcome(Outcome.Kind.FAILED, e.getClass().getName() + ": " + e.getMessage());
                LOG.warn("background run '{}' failed", name, e);
            } finally {
                if (state == JobState.State.ABANDONED) {
                    LOG.warn("background run '{}' ended {} s after it was abandoned", name,
                            Duration.between(entered, clock.instant()).toSeconds());
                }
                jobs.remove(this);
            }
            settle(result);
        }

        private void expire() {
            Thread running;
            synchronized (this) {
                if (outcome.isDone()) {
                    return;
                }
                // abandoned before the outcome completes, so that whoever sees the outcome sees the state too
                enter(JobState.State.ABANDONED);
                settle(new Outcome(Outcome.Kind.TIMED_OUT, "did not finish within " + limit.toSeconds() + " s"));
                running = thread;
            }
            LOG.warn("background run '{}' did not finish within {} s: interrupted, and its place given to the next",
                    name, limit.toSeconds());
            running.interrupt();
        }

        @Override
        public CompletionStage<Outcome> outcome() {
            return outcome.minimalCompletionStage();
        }

        @Override
        public void cancel() {
            Thread running;
            synchronized (this) {
                if (!settle(new Outcome(Outcome.Kind.CANCELLED, null))) {
                    return;
                }
                running = thread;
            }
            waiting.remove(this);
            jobs.remove(this);
            if (running != null) {
                running.interrupt();
            }
        }

        /** Completes the outcome and gives the place back, once. */
        private synchronized boolean settle(Outcome result) {
            if (outcome.isDone()) {
                return false;
            }
            if (holdsPlace) {
                holdsPlace = false;
                workers.release();
            }
            outcome.complete(result);
            return true;
        }

        private void enter(JobState.State next) {
            state = next;
            entered = clock.instant();
        }
    }

    /** A job that runs again a period after each run ended. */
    private final class Repeat implements AutoCloseable {

        private final String name;
        private final Duration period;
        private final Duration limit;
        private final Runnable task;
        private volatile Outcome last;
        /** When it was set up, then when its last run ended. */
        private volatile Instant since = clock.instant();
        private volatile boolean closed;
        private volatile ScheduledFuture<?> next;

        Repeat(String name, Duration period, Duration limit, Runnable task) {
            this.name = name;
            this.period = period;
            this.limit = limit;
            this.task = task;
        }

        void after(Duration delay) {
            if (closed) {
                return;
            }
            try {
                next = timer.schedule(this::fire, delay.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException closing) {
                closed = true;
            }
        }

        private void fire() {
            if (!closed) {
                run(name, limit, task).outcome().whenComplete((result, failure) -> {
                    last = result;
                    since = clock.instant();
                    after(period);
                });
            }
        }

        @Override
        public void close() {
            closed = true;
            repeats.remove(this);
            ScheduledFuture<?> scheduled = next;
            if (scheduled != null) {
                scheduled.cancel(false);
            }
        }
    }
}
