package cn.anxun.archive.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

import cn.anxun.archive.HandoverImport;

/** A handover package imported, in {@code HANDOVER_IMPORT}; its archives are {@link ImportedArchiveRecord}s. */
@Entity
@Table(name = "HANDOVER_IMPORT")
class HandoverImportRecord {

    @Id
    @Column(length = 36)
    private String id;

    @Column(length = 40, nullable = false)
    private String sourceInstitution;

    private long exportedAt;

    @Column(length = 64, nullable = false)
    private String exportedBy;

    private long importedAt;

    @Column(length = 64, nullable = false)
    private String importedBy;

    private Long checkpointSize;

    @Column(length = 300, nullable = false)
    private String sourceKey;

    protected HandoverImportRecord() {
    }

    HandoverImportRecord(String sourceInstitution, Instant exportedAt, String exportedBy, Instant importedAt,
            String importedBy, Long checkpointSize, String sourceKey) {
        this.id = UUID.randomUUID().toString();
        this.sourceInstitution = sourceInstitution;
        this.exportedAt = exportedAt.toEpochMilli();
        this.exportedBy = exportedBy;
        this.importedAt = importedAt.toEpochMilli();
        this.importedBy = importedBy;
        this.checkpointSize = checkpointSize;
        this.sourceKey = sourceKey;
    }

    String id() {
        return id;
    }

    HandoverImport view(List<HandoverImport.Taken> learners, List<HandoverImport.Taken> classes) {
        return new HandoverImport(id, sourceInstitution, Instant.ofEpochMilli(exportedAt), exportedBy,
                Instant.ofEpochMilli(importedAt), importedBy, checkpointSize, sourceKey, learners, classes);
    }
}
