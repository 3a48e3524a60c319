package cn.anxun.archive.internal;

import java.util.UUID;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Lob;
import javax.persistence.NamedQuery;
import javax.persistence.Table;

import cn.anxun.archive.HandoverImport;

/**
 * An archive taken over, in {@code IMPORTED_ARCHIVE}: sealed whole, as it was handed over; a learner's found again
 * by the keyed hash of the ID number, which is unique here.
 */
@Entity
@Table(name = "IMPORTED_ARCHIVE")
@NamedQuery(name = ImportedArchiveRecord.OF_IMPORT, query = "SELECT a FROM ImportedArchiveRecord a "
        + "WHERE a.importId = :import ORDER BY a.kind, a.sourceId")
@NamedQuery(name = ImportedArchiveRecord.IMPORTED, query = "SELECT a.idLookup FROM ImportedArchiveRecord a "
        + "WHERE a.idLookup IN :lookups")
class ImportedArchiveRecord {

    static final String OF_IMPORT = "ImportedArchiveRecord.ofImport";
    static final String IMPORTED = "ImportedArchiveRecord.imported";
    static final String LEARNER = "learner";
    static final String CLASS = "class";

    @Id
    @Column(length = 36)
    private String id;

    @Column(length = 36, nullable = false)
    private String importId;

    @Column(length = 10, nullable = false)
    private String kind;

    @Column(length = 40, nullable = false)
    private String sourceId;

    @Column(length = 64)
    private String idLookup;

    @Column(length = 6, nullable = false)
    private String city;

    @Column(length = 6)
    private String county;

    @Lob
    @Column(nullable = false)
    private byte[] sealed;

    protected ImportedArchiveRecord() {
    }

    ImportedArchiveRecord(String importId, String kind, String sourceId, String idLookup, String city,
            String county) {
        this.id = UUID.randomUUID().toString();
        this.importId = importId;
        this.kind = kind;
        this.sourceId = sourceId;
        this.idLookup = idLookup;
        this.city = city;
        this.county = county;
    }

    /** A sealed archive opens only as the archive of its row. */
    String context() {
        return "imported-archive:" + id;
    }

    void sealed(byte[] bytes) {
        sealed = bytes;
    }

    byte[] sealed() {
        return sealed;
    }

    String id() {
        return id;
    }

    String importId() {
        return importId;
    }

    String kind() {
        return kind;
    }

    String sourceId() {
        return sourceId;
    }

    String city() {
        return city;
    }

    String county() {
        return county;
    }

    HandoverImport.Taken taken() {
        return new HandoverImport.Taken(id, sourceId, county == null ? city : county);
    }
}
