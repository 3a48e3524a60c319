package cn.anxun.institutions.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Lob;
import javax.persistence.Table;

/**
 * The bytes of a submitted document, apart from what is known of it, so that listing documents never reads them;
 * never changed once stored.
 */
@Entity
@Table(name = "INSTITUTION_DOCUMENT_CONTENT")
class DocumentContentRecord {

    @Id
    @Column(length = 36)
    private String documentId;

    @Lob
    @Column(nullable = false)
    private byte[] bytes;

    protected DocumentContentRecord() {
    }

    DocumentContentRecord(String documentId, byte[] bytes) {
        this.documentId = documentId;
        this.bytes = bytes.clone();
    }

    byte[] bytes() {
        return bytes.clone();
    }
}
