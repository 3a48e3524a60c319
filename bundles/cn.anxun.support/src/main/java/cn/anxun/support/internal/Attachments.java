package cn.anxun.support.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import cn.anxun.documents.PdfDocument;
import cn.anxun.documents.Picture;
import cn.anxun.identity.FileNames;
import cn.anxun.identity.FreeText;
import cn.anxun.identity.InvalidInputException;
import cn.anxun.identity.Violation;

/**
 * What a ticket keeps of an attached file. Free text on the platform is screened for contact details, and a file is
 * free text too: a PDF's text is screened; a picture's text cannot be read, but it is drawn again, so that the place,
 * camera and owner in its metadata are not kept.
 */
final class Attachments {

    static final int MAX_BYTES = 5 << 20;
    static final int MAX_PER_TICKET = 10;
    private static final byte[] PDF = "%PDF-".getBytes(StandardCharsets.US_ASCII);

    /** The bytes to keep, of their type. */
    record Kept(byte[] bytes, String mediaType, String sha256) {
    }

    private Attachments() {
    }

    /** The name to keep: no path, screened; {@code attachment} if none is given. */
    static String filename(String name) {
        String kept = FileNames.checked("filename", name, "attachment", null);
        screened("filename", kept);
        return kept;
    }

    static Kept read(InputStream in) {
        byte[] bytes;
        try {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw new InvalidInputException("attachment", "readable", "the upload broke off: " + e.getMessage());
        }
        if (bytes.length == 0) {
            throw new InvalidInputException("attachment", "required", "the request body must be the file");
        }
        if (bytes.length > MAX_BYTES) {
            throw new InvalidInputException("attachment", "max-size", "must be at most " + MAX_BYTES + " bytes");
        }
        if (Arrays.equals(bytes, 0, Math.min(bytes.length, PDF.length), PDF, 0, PDF.length)) {
            PdfDocument pdf = PdfDocument.read("attachment", new ByteArrayInputStream(bytes), MAX_BYTES, true);
            screened("attachment", pdf.text());
            return new Kept(bytes, "application/pdf", pdf.sha256());
        }
        if (Picture.typeOf(bytes).isEmpty()) {
            throw new InvalidInputException("attachment", "type", "must be a PNG or JPEG picture or a PDF");
        }
        Picture picture = Picture.reencoded("attachment", bytes);
        return new Kept(picture.bytes(), picture.mediaType(), picture.sha256());
    }

    private static void screened(String field, String text) {
        List<Violation> violations = new ArrayList<>();
        FreeText.screen(violations, field, text);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
    }
}
