package cn.anxun.documents;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.filter.FilterFactory;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdfparser.PDFParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

import cn.anxun.identity.InvalidInputException;

/**
 * An uploaded PDF that is not encrypted and has pages, for someone to read, with its digest and, when asked, its
 * text. The type is judged by parsing the content, never by the file name or the declared type.
 *
 * <p>Loading a PDF decodes its object and cross-reference streams in full, the latter into a buffer that PDFBox's
 * stream cache limit does not bound, so a few megabytes crafted to inflate to gigabytes would exhaust the heap.
 * PDFBox's own parser therefore hands every stream it reads to {@link MeasuringParser}, which decodes those two kinds
 * with PDFBox's own filters into a bounded buffer before PDFBox goes on; everything else it caches stays within the
 * same budget through the stream cache limit.
 */
public record PdfDocument(byte[] bytes, String sha256, int pages, String text) {

    /** Object and cross-reference streams of real documents decode to a few megabytes at most. */
    public static final long INFLATE_BUDGET = 32L << 20;

    private static final byte[] MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);

    /**
     * Reads an upload whole.
     *
     * @param field the request's field that carries the upload, which the errors name
     * @param withText whether to extract the text, else {@link #text()} is empty
     * @throws InvalidInputException naming the field: rules {@code required}, {@code max-size}, {@code pdf},
     *         {@code not-encrypted}
     */
    public static PdfDocument read(String field, InputStream in, long maxBytes, boolean withText) {
        byte[] bytes;
        try {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        } catch (IOException e) {
            throw new InvalidInputException(field, "readable", "the upload broke off: " + e.getMessage());
        }
        if (bytes.length == 0) {
            throw new InvalidInputException(field, "required", "the request body must be the PDF file");
        }
        if (bytes.length > maxBytes) {
            throw new InvalidInputException(field, "max-size", "must be at most " + maxBytes + " bytes");
        }
        if (!Arrays.equals(bytes, 0, Math.min(bytes.length, MAGIC.length), MAGIC, 0, MAGIC.length)) {
            throw notPdf(field, "it does not start with %PDF-");
        }
        MeasuringParser parser;
        try {
            parser = new MeasuringParser(field, bytes);
        } catch (IOException e) {
            throw notPdf(field, "it cannot be read as one (" + e.getMessage() + ")");
        }
        try (PDDocument document = parser.parse()) {
            parser.refuseWhatItFound();
            int pages = document.getNumberOfPages();
            parser.refuseWhatItFound();
            if (pages < 1) {
                throw notPdf(field, "it has no pages");
            }
            return new PdfDocument(bytes, Digest.sha256(bytes), pages, withText ? new PDFTextStripper().getText(document) : "");
        } catch (IOException e) {
            parser.refuseWhatItFound();
            throw notPdf(field, "it cannot be read as one (" + e.getMessage() + ")");
        }
    }

    /**
     * PDFBox's parser, measuring each object and cross-reference stream as it is read. What it finds is remembered as
     * well as thrown, since a lenient parse may recover from the exception and carry on without the stream.
     */
    private static final class MeasuringParser extends PDFParser {

        private final String field;
        private long budget = INFLATE_BUDGET;
        private boolean encrypted;
        private String refusal;

        MeasuringParser(String field, byte[] bytes) throws IOException {
            super(new RandomAccessReadBuffer(bytes), "", null, null,
                    MemoryUsageSetting.setupMainMemoryOnly(INFLATE_BUDGET).streamCache);
            this.field = field;
        }

        @Override
        protected COSStream parseCOSStream(COSDictionary dictionary) throws IOException {
            COSStream stream = super.parseCOSStream(dictionary);
            COSName type = stream.getCOSName(COSName.TYPE);
            if (!COSName.XREF.equals(type) && !COSName.OBJ_STM.equals(type)) {
                return stream;
            }
            if (securityHandler != null) {
                encrypted = true;
                throw new IOException("it is encrypted");
            }
            budget -= decodedLength(stream);
            return stream;
        }

        /** Decodes filter after filter into a buffer that refuses to grow past what is left of the budget. */
        private long decodedLength(COSStream stream) throws IOException {
            COSBase filters = stream.getFilters();
            COSArray chain = filters instanceof COSArray array ? array : new COSArray();
            if (filters instanceof COSName name) {
                chain.add(name);
            }
            byte[] data = stream.createRawInputStream().readAllBytes();
            for (int i = 0; i < chain.size(); i++) {
                if (!(chain.getObject(i) instanceof COSName filter)) {
                    throw refuse("its stream filters are not names");
                }
                BoundedBuffer decoded = new BoundedBuffer(budget);
                try {
                    FilterFactory.INSTANCE.getFilter(filter).decode(new ByteArrayInputStream(data), decoded, stream, i);
                } catch (BudgetExceeded e) {
                    decoded.overflowed = true;
                }
                if (decoded.overflowed) {
                    throw refuse("its object streams decode to more than " + INFLATE_BUDGET + " bytes");
                }
                data = decoded.toByteArray();
            }
            return data.length;
        }

        private IOException refuse(String why) {
            refusal = why;
            return new IOException(why);
        }

        void refuseWhatItFound() {
            if (encrypted || securityHandler != null) {
                throw new InvalidInputException(field, "not-encrypted", "must not be encrypted or "
                        + "password-protected: it is there to be read");
            }
            if (refusal != null) {
                throw notPdf(field, refusal);
            }
        }
    }

    /** Keeps at most {@code limit} bytes; past it, notes the overflow and stops the decoder with an exception. */
    private static final class BoundedBuffer extends ByteArrayOutputStream {

        private final long limit;
        private boolean overflowed;

        BoundedBuffer(long limit) {
            this.limit = limit;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            if (count + (long) len > limit) {
                overflowed = true;
                throw new BudgetExceeded();
            }
            super.write(b, off, len);
        }
    }

    /** Unchecked, so that a filter that recovers from damaged data by catching {@link IOException} still stops. */
    private static final class BudgetExceeded extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BudgetExceeded() {
            super("decoded past the budget", null, false, false);
        }
    }

    private static InvalidInputException notPdf(String field, String why) {
        return new InvalidInputException(field, "pdf", "must be a PDF document; " + why);
    }
}
