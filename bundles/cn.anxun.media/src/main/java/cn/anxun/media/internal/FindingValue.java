package cn.anxun.media.internal;

import java.time.Duration;

import javax.persistence.Column;
import javax.persistence.Embeddable;

import cn.anxun.api.media.Finding;

/** A finding as kept with its run. */
@Embeddable
public class FindingValue {

    private static final int MESSAGE_LENGTH = 1000;
    private static final int CODE_LENGTH = 64;

    @Column(length = CODE_LENGTH, nullable = false)
    private String code;
    @Column(length = 8, nullable = false)
    private String severity;
    @Column(length = MESSAGE_LENGTH, nullable = false)
    private String message;
    @Column(name = "OFFSET_MS")
    private Long offsetMillis;
    @Column(name = "PAGE_NUMBER")
    private Integer page;

    protected FindingValue() {
    }

    FindingValue(Finding finding) {
        this.code = finding.code().length() > CODE_LENGTH ? finding.code().substring(0, CODE_LENGTH)
                : finding.code();
        this.severity = finding.severity().name();
        this.message = finding.message().length() > MESSAGE_LENGTH ? finding.message().substring(0, MESSAGE_LENGTH)
                : finding.message();
        this.offsetMillis = finding.offset() == null ? null : finding.offset().toMillis();
        this.page = finding.page();
    }

    Finding view() {
        return new Finding(code, Finding.Severity.valueOf(severity), message,
                offsetMillis == null ? null : Duration.ofMillis(offsetMillis), page);
    }
}
