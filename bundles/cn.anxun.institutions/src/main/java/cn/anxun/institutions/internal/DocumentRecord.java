package cn.anxun.institutions.internal;

import java.time.Instant;
import java.util.UUID;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.NamedQuery;
import javax.persistence.Table;

import cn.anxun.documents.PdfDocument;
import cn.anxun.institutions.SubmittedDocument;

/** What is known of a document an institution submitted; its bytes are a {@link DocumentContentRecord}. */
@Entity
@Table(name = "INSTITUTION_DOCUMENT")
@NamedQuery(name = DocumentRecord.OF_INSTITUTION,
        query = "SELECT d FROM DocumentRecord d WHERE d.institutionId = :institution ORDER BY d.uploadedAt, d.id")
@NamedQuery(name = DocumentRecord.WITH_IDS, query = "SELECT d FROM DocumentRecord d WHERE d.id IN :ids")
class DocumentRecord {

    static final String OF_INSTITUTION = "DocumentRecord.ofInstitution";
    static final String WITH_IDS = "DocumentRecord.withIds";

    @Id
    @Column(length = 36)
    private String id;

    @Column(length = 64, nullable = false)
    private String institutionId;

    @Column(length = 100, nullable = false)
    private String filename;

    @Column(length = 40, nullable = false)
    private String mediaType;

    private long size;

    @Column(length = 64, nullable = false)
    private String sha256;

    private int pages;

    private long uploadedAt;

    @Column(length = 100, nullable = false)
    private String uploadedBy;

    protected DocumentRecord() {
    }

    DocumentRecord(String institutionId, String filename, PdfDocument pdf, Instant now, String uploadedBy) {
        this.id = UUID.randomUUID().toString();
        this.institutionId = institutionId;
        this.filename = filename;
        this.mediaType = "application/pdf";
        this.size = pdf.bytes().length;
        this.sha256 = pdf.sha256();
        this.pages = pdf.pages();
        this.uploadedAt = now.toEpochMilli();
        this.uploadedBy = uploadedBy;
    }

    String institutionId() {
        return institutionId;
    }

    String id() {
        return id;
    }

    SubmittedDocument view() {
        return new SubmittedDocument(id, institutionId, filename, mediaType, size, sha256, pages,
                Instant.ofEpochMilli(uploadedAt), uploadedBy);
    }
}
