package cn.anxun.courses.internal;

import javax.persistence.Column;
import javax.persistence.Embeddable;

/** A programme version a course teaches. */
@Embeddable
public class ProgrammeRef {

    @Column(length = 60, nullable = false)
    private String code;
    @Column(nullable = false)
    private int version;

    protected ProgrammeRef() {
    }

    ProgrammeRef(String code, int version) {
        this.code = code;
        this.version = version;
    }

    String code() {
        return code;
    }

    int version() {
        return version;
    }
}
