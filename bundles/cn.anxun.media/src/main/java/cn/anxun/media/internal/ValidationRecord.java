package cn.anxun.media.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.persistence.CollectionTable;
import javax.persistence.Column;
import javax.persistence.ElementCollection;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.FetchType;
import javax.persistence.Id;
import javax.persistence.JoinColumn;
import javax.persistence.NamedQuery;
import javax.persistence.OrderColumn;
import javax.persistence.Table;
import javax.persistence.UniqueConstraint;

import cn.anxun.api.media.Finding;
import cn.anxun.api.media.MediaReport;
import cn.anxun.media.Validation.Run.Status;

/** One validator's run over one media file; run again, the row is reused. */
@Entity
@Table(name = "MEDIA_VALIDATION", uniqueConstraints = @UniqueConstraint(columnNames = {"MEDIA", "VALIDATOR"}))
@NamedQuery(name = ValidationRecord.OF_MEDIA, query = "SELECT v FROM ValidationRecord v WHERE v.mediaId IN :media "
        + "ORDER BY v.mediaId, v.validator")
@NamedQuery(name = ValidationRecord.IN_STATUS, query = "SELECT v FROM ValidationRecord v WHERE v.status = :status "
        + "ORDER BY v.finishedAt")
@NamedQuery(name = ValidationRecord.UNFINISHED, query = "SELECT v FROM ValidationRecord v "
        + "WHERE v.status IN :statuses ORDER BY v.queuedAt")
@NamedQuery(name = ValidationRecord.NOT_RUN_BY, query = "SELECT m FROM MediaRecord m WHERE NOT EXISTS "
        + "(SELECT v FROM ValidationRecord v WHERE v.mediaId = m.id AND v.validator = :validator)")
public class ValidationRecord {

    static final String OF_MEDIA = "ValidationRecord.ofMedia";
    static final String UNFINISHED = "ValidationRecord.unfinished";
    static final String IN_STATUS = "ValidationRecord.inStatus";
    static final String NOT_RUN_BY = "ValidationRecord.notRunBy";
    private static final String LINE = "\n";
    private static final int MEASURES_LENGTH = 4000;

    @Id
    @Column(length = 36)
    private String id;
    @Column(name = "MEDIA", length = 36, nullable = false)
    private String mediaId;
    @Column(length = 64, nullable = false)
    private String validator;
    @Enumerated(EnumType.STRING)
    @Column(length = 8, nullable = false)
    private Status status;
    @Column(name = "QUEUED_AT", nullable = false)
    private long queuedAt;
    @Column(name = "FINISHED_AT")
    private Long finishedAt;
    @Column(name = "DURATION_MS")
    private Long durationMillis;
    @Column(length = MEASURES_LENGTH)
    private String measures;
    /** Counts the times the run was queued: a run that ends after it was queued again does not count. */
    @Column(nullable = false)
    private int generation;
    /** Starts since it was queued: a crash in the middle of a run leaves it RUNNING with its start counted. */
    @Column(nullable = false)
    private int attempts;
    /** The last start, and the node that made it. */
    @Column(name = "STARTED_AT")
    private Long startedAt;
    @Column(name = "NODE", length = 100)
    private String node;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "MEDIA_FINDING", joinColumns = @JoinColumn(name = "VALIDATION"))
    @OrderColumn(name = "POSITION")
    private List<FindingValue> findings = new ArrayList<>();

    protected ValidationRecord() {
    }

    ValidationRecord(String id, String mediaId, String validator, Instant queuedAt) {
        this.id = id;
        this.mediaId = mediaId;
        this.validator = validator;
        queued(queuedAt);
    }

    String id() {
        return id;
    }

    String mediaId() {
        return mediaId;
    }

    String validator() {
        return validator;
    }

    Status status() {
        return status;
    }

    void queued(Instant at) {
        status = Status.QUEUED;
        attempts = 0;
        generation++;
        queuedAt = at.toEpochMilli();
        finishedAt = null;
        durationMillis = null;
        measures = null;
        findings.clear();
    }

    int generation() {
        return generation;
    }

    /**
     * Starts the run, or parks it when it was started {@code limit} times already without finishing.
     *
     * @return whether it may run
     */
    boolean start(int limit, Instant at, String on) {
        if (attempts >= limit) {
            park("it was started " + attempts + " times and never finished (the platform stopped in the middle)", at);
            return false;
        }
        status = Status.RUNNING;
        attempts++;
        generation++;
        startedAt = at.toEpochMilli();
        node = on;
        return true;
    }

    /** Whether another node runs it now: it started it less than the time limit ago. */
    boolean runningElsewhere(String here, Duration limit, Instant now) {
        return status == Status.RUNNING && node != null && !node.equals(here) && startedAt != null
                && now.isBefore(Instant.ofEpochMilli(startedAt).plus(limit));
    }

    /** A start stopped from outside (its validator left): queued again as if it had not started. */
    void putBack() {
        status = Status.QUEUED;
        attempts = Math.max(0, attempts - 1);
        generation++;
    }

    /** A start that did not finish: queued for another, or parked after the last. */
    void interrupted(String why, int limit, Instant at) {
        if (attempts >= limit) {
            park(why + "; " + attempts + " attempts", at);
        } else {
            status = Status.QUEUED;
        }
    }

    private void park(String why, Instant at) {
        status = Status.PARKED;
        finishedAt = at.toEpochMilli();
        findings.clear();
        findings.add(new FindingValue(Finding.blocking("validator-parked", "The validator " + validator
                + " stopped without a result: " + why + ". Validate the file again when it is fixed.")));
    }

    cn.anxun.media.Validation.Parked parked() {
        return new cn.anxun.media.Validation.Parked(mediaId, validator, Instant.ofEpochMilli(finishedAt),
                findings.isEmpty() ? null : findings.get(0).view().message());
    }

    void done(MediaReport report, Instant at) {
        status = Status.DONE;
        finishedAt = at.toEpochMilli();
        durationMillis = report.duration() == null ? null : report.duration().toMillis();
        String lines = report.measures().entrySet().stream().map(e -> oneLine(e.getKey()).replace('=', '_') + "="
                + oneLine(e.getValue())).sorted().reduce((a, b) -> a + LINE + b).orElse(null);
        measures = lines == null || lines.length() <= MEASURES_LENGTH ? lines
                : lines.substring(0, lines.lastIndexOf(LINE, MEASURES_LENGTH));
        findings.clear();
        report.findings().stream().map(FindingValue::new).forEach(findings::add);
    }

    void failed(Finding why, Instant at) {
        status = Status.FAILED;
        finishedAt = at.toEpochMilli();
        findings.clear();
        findings.add(new FindingValue(why));
    }

    private static String oneLine(String text) {
        return text.replace('\n', ' ').replace('\r', ' ');
    }

    cn.anxun.media.Validation.Run view(boolean installed) {
        Map<String, String> figures = new LinkedHashMap<>();
        if (measures != null) {
            for (String line : measures.split(LINE)) {
                int equals = line.indexOf('=');
                figures.put(line.substring(0, equals), line.substring(equals + 1));
            }
        }
        return new cn.anxun.media.Validation.Run(validator, installed, status, Instant.ofEpochMilli(queuedAt),
                finishedAt == null ? null : Instant.ofEpochMilli(finishedAt),
                durationMillis == null ? null : Duration.ofMillis(durationMillis), figures,
                findings.stream().map(FindingValue::view).toList());
    }
}
