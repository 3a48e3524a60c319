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
@NamedQuery(name = ValidationRecord.OF_MEDIA, query = "SELECT v FROM ValidationRecord v WHERE v.mediaId = :media "
        + "ORDER BY v.validator")
@NamedQuery(name = ValidationRecord.UNFINISHED, query = "SELECT v FROM ValidationRecord v "
        + "WHERE v.status IN :statuses ORDER BY v.queuedAt")
@NamedQuery(name = ValidationRecord.NOT_RUN_BY, query = "SELECT m FROM MediaRecord m WHERE NOT EXISTS "
        + "(SELECT v FROM ValidationRecord v WHERE v.mediaId = m.id AND v.validator = :validator)")
public class ValidationRecord {

    static final String OF_MEDIA = "ValidationRecord.ofMedia";
    static final String UNFINISHED = "ValidationRecord.unfinished";
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
    @Column(nullable = false, columnDefinition = "INTEGER DEFAULT 0 NOT NULL")
    private int generation;
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

    void running() {
        status = Status.RUNNING;
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
