package cn.anxun.institutions.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;

import cn.anxun.identity.InvalidInputException;

/**
 * A written intent must be a PDF that is not encrypted and has pages: the regulator has to read it. The type is judged
 * by parsing the content, never by the file name or the declared type.
 *
 * <p>Loading a PDF inflates its object and cross-reference streams in full, so a few megabytes crafted to inflate to
 * gigabytes would exhaust the heap. Those streams are measured first, with a budget, before PDFBox sees the file;
 * encrypted files are refused outright, since their streams cannot be measured before decryption.
 */
final class LetterCheck {

    /** Object and cross-reference streams of real documents inflate to a few megabytes at most. */
    static final long INFLATE_BUDGET = 32L << 20;

    private static final byte[] MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final Pattern STREAM = Pattern.compile("(?<!end)stream\r?\n");
    private static final Pattern FILTERS = Pattern.compile("/(\\w+Decode)\\b");
    /** How far before {@code stream} a stream's dictionary is looked for. */
    private static final int DICTIONARY_REACH = 4096;

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
        if (!startsWithMagic(bytes)) {
            throw notPdf("it does not start with %PDF-");
        }
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        if (text.contains("/Encrypt")) {
            throw new InvalidInputException("letter", "not-encrypted", "must not be encrypted or password-protected: "
                    + "the city regulator has to read it");
        }
        structureStreamsWithinBudget(bytes, text);
        try (PDDocument document = Loader.loadPDF(bytes)) {
            int pages = document.getNumberOfPages();
            if (pages < 1) {
                throw notPdf("it has no pages");
            }
            return new Pdf(bytes, sha256(bytes), pages);
        } catch (IOException e) {
            throw notPdf("it cannot be read as one (" + e.getMessage() + ")");
        }
    }

    private static boolean startsWithMagic(byte[] bytes) {
        if (bytes.length < MAGIC.length) {
            return false;
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (bytes[i] != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    private static void structureStreamsWithinBudget(byte[] bytes, String text) {
        long budget = INFLATE_BUDGET;
        Matcher stream = STREAM.matcher(text);
        while (stream.find()) {
            String dictionary = text.substring(Math.max(0, stream.start() - DICTIONARY_REACH), stream.start());
            dictionary = dictionary.substring(dictionary.lastIndexOf("obj") + 1);
            if (!dictionary.contains("/ObjStm") && !dictionary.contains("/XRef")) {
                continue;
            }
            Matcher filter = FILTERS.matcher(dictionary);
            while (filter.find()) {
                if (!filter.group(1).equals("FlateDecode")) {
                    throw notPdf("its object streams use " + filter.group(1) + "; save it again as a standard PDF");
                }
            }
            budget -= inflated(bytes, stream.end(), budget);
        }
    }

    /** How many bytes the zlib data at {@code offset} inflates to, up to any damage; refused once past {@code budget}. */
    private static long inflated(byte[] bytes, int offset, long budget) {
        Inflater inflater = new Inflater();
        inflater.setInput(bytes, offset, bytes.length - offset);
        byte[] scratch = new byte[64 * 1024];
        long total = 0;
        try {
            while (!inflater.finished() && !inflater.needsInput() && !inflater.needsDictionary()) {
                total += inflater.inflate(scratch);
                if (total > budget) {
                    throw notPdf("its object streams inflate to more than " + INFLATE_BUDGET + " bytes");
                }
            }
        } catch (DataFormatException e) {
            // not zlib data, or damaged: PDFBox inflates no further than this either
        } finally {
            inflater.end();
        }
        return total;
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
