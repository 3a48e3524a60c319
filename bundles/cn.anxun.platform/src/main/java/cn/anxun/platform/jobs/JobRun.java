package cn.anxun.platform.jobs;

import java.time.Instant;

/**
 * One run of a repeating job that takes its lease, on whichever node of the platform ran it.
 *
 * @param name the job's name
 * @param node the node that ran it
 * @param started when it started
 * @param ended when it ended
 * @param outcome how it ended: {@code DONE} or {@code FAILED}, with what it threw
 * @since 1.1
 */
public record JobRun(String name, String node, Instant started, Instant ended, Outcome outcome) {
}
