package cn.anxun.institutions.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

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

import cn.anxun.identity.InvalidInputException;

/**
 * A written intent must be a PDF that is not encrypted and has pages: the regulator has to read it. The type is judged
 * by parsing the content, never by the file name or the declared type.
 *
 * <p>Loading a PDF decodes its object and cross-reference streams in full, the latter into a buffer that PDFBox's
 * stream cache limit does not bound, so a few megabytes crafted to inflate to gigabytes would exhaust the heap.
 * PDFBox's own parser therefore hands every stream it reads to {@link MeasuringParser}, which decodes those two kinds
 * with PDFBox's own filters into a bounded buffer before PDFBox goes on; everything else it caches stays within the
 * same budget through the stream cache limit.
 */
final class LetterCheck {

    /** Object and cross-reference streams of real documents decode to a few megabytes at most. */
    static final long INFLATE_BUDGET = 32L << 20;

    private static final byte[] MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);

    record Pdf(byte[] bytes, String sha256, int pages) {
    }

    private LetterCheck() {
    }

    static Pdf read(InputStream in, long maxBytes) {
        byte[] bytes;
        try {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        } catch (IOException e) {
            throw new InvalidInputException("letter", "readable", "the upload broke off: " + e.getMessage());
        }
        if (bytes.length == 0) {
            throw new InvalidInputException("letter", "required", "the request body must be the PDF file");
        }
        if (bytes.length > maxBytes) {
            throw new InvalidInputException("letter", "max-size", "must be at most " + maxBytes + " bytes");
        }
        if (!Arrays.equals(bytes, 0, Math.min(bytes.length, MAGIC.length), MAGIC, 0, MAGIC.length)) {
            throw notPdf("it does not start with %PDF-");
        }
        MeasuringParser parser;
        try {
            parser = new MeasuringParser(bytes);
        } catch (IOException e) {
            throw notPdf("it cannot be read as one (" + e.getMessage() + ")");
        }
        try (PDDocument document = parser.parse()) {
            parser.refuseWhatItFound();
            int pages = document.getNumberOfPages();
            parser.refuseWhatItFound();
            if (pages < 1) {
                throw notPdf("it has no pages");
            }
            return new Pdf(bytes, sha256(bytes), pages);
        } catch (IOException e) {
            parser.refuseWhatItFound();
            throw notPdf("it cannot be read as one (" + e.getMessage() + ")");
        }
    }

    /**
     * PDFBox's parser, measuring each object and cross-reference stream as it is read. What it finds is remembered as
     * well as thrown, since a lenient parse may recover from the exception and carry on without the stream.
     */
    private static final class MeasuringParser extends PDFParser {

        private long budget = INFLATE_BUDGET;
        private boolean encrypted;
        private String refusal;

        MeasuringParser(byte[] bytes) throws IOException {
            super(new RandomAccessReadBuffer(bytes), "", null, null,
                    MemoryUsageSetting.setupMainMemoryOnly(INFLATE_BUDGET).streamCache);
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
                throw new InvalidInputException("letter", "not-encrypted", "must not be encrypted or "
                        + "password-protected: the city regulator has to read it");
            }
            if (refusal != null) {
                throw notPdf(refusal);
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

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static InvalidInputException notPdf(String why) {
        return new InvalidInputException("letter", "pdf", "must be a PDF document; " + why);
    }
}
