package cn.anxun.courses.internal;

import java.util.List;

import java.util.UUID;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.Lob;
import javax.persistence.Table;

import cn.anxun.courses.UnitType;

/**
 * A unit of a course in {@code COURSE_UNIT}, placed by the course. Pictures are media ids, which hold no comma. An
 * entity of its own rather than an embedded value: the text is a CLOB, which the database cannot compare.
 */
@Entity
@Table(name = "COURSE_UNIT")
public class UnitRecord {

    @Id
    @Column(length = 36)
    private String id;

    @Column(length = 200, nullable = false)
    private String title;
    @Enumerated(EnumType.STRING)
    @Column(name = "UNIT_TYPE", length = 8, nullable = false)
    private UnitType type;
    @Column(name = "MEDIA", length = 36)
    private String mediaId;
    @Lob
    @Column(name = "BODY")
    private String text;
    @Column(length = 2000)
    private String pictures;
    @Column(name = "READING_SECONDS")
    private Long readingSeconds;

    protected UnitRecord() {
    }

    UnitRecord(String title, UnitType type, String mediaId, String text, List<String> pictures,
            Long readingSeconds) {
        this.id = UUID.randomUUID().toString();
        this.title = title;
        this.type = type;
        this.mediaId = mediaId;
        this.text = text;
        this.pictures = pictures.isEmpty() ? null : String.join(",", pictures);
        this.readingSeconds = readingSeconds;
    }

    String title() {
        return title;
    }

    UnitType type() {
        return type;
    }

    String mediaId() {
        return mediaId;
    }

    String text() {
        return text;
    }

    List<String> pictures() {
        return pictures == null ? List.of() : List.of(pictures.split(","));
    }

    Long readingSeconds() {
        return readingSeconds;
    }
}
