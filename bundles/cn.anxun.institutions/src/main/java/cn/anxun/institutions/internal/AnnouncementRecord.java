package cn.anxun.institutions.internal;

import java.time.Instant;
import java.util.UUID;

import javax.persistence.Column;
import javax.persistence.Embedded;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.NamedQuery;
import javax.persistence.Table;

import cn.anxun.institutions.Announcement;
import cn.anxun.institutions.Registration;

/** A published announcement; its text is kept as published. */
@Entity
@Table(name = "ANNOUNCEMENT")
@NamedQuery(name = AnnouncementRecord.OF_CITY, query = "SELECT a FROM AnnouncementRecord a "
        + "WHERE a.registration.city = :city ORDER BY a.publishedAt DESC, a.id")
class AnnouncementRecord {

    static final String OF_CITY = "AnnouncementRecord.ofCity";

    @Id
    @Column(length = 36)
    private String id;

    @Embedded
    private RegistrationSnapshot registration;

    @Column(length = 10, nullable = false)
    private String action;

    @Column(length = 200, nullable = false)
    private String title;

    @Column(length = 2000, nullable = false)
    private String text;

    private long publishedAt;

    protected AnnouncementRecord() {
    }

    AnnouncementRecord(RegistrationRecord registration, Registration.Action action, String title, String text,
            Instant now) {
        this.id = UUID.randomUUID().toString();
        this.registration = new RegistrationSnapshot(registration);
        this.action = action.name();
        this.title = title;
        this.text = text;
        this.publishedAt = now.toEpochMilli();
    }

    Announcement view() {
        return new Announcement(id, registration.city(), registration.registrationNumber(),
                registration.institutionName(), registration.creditCode(), Registration.Action.valueOf(action), title,
                text, Instant.ofEpochMilli(publishedAt));
    }
}
