package cn.anxun.support.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Lob;
import javax.persistence.Table;

/** The sealed bytes of an attachment, apart, so that reading a ticket never reads them; never changed. */
@Entity
@Table(name = "SUPPORT_ATTACHMENT_CONTENT")
class AttachmentContentRecord {

    @Id
    @Column(length = 36)
    private String attachmentId;

    @Lob
    @Column(nullable = false)
    private byte[] bytes;

    protected AttachmentContentRecord() {
    }

    AttachmentContentRecord(String attachmentId, byte[] sealed) {
        this.attachmentId = attachmentId;
        this.bytes = sealed.clone();
    }

    byte[] bytes() {
        return bytes.clone();
    }
}
