package cn.anxun.archive.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Noto Sans SC Regular, kept inside the bundle under the SIL Open Font License, parsed once (10 MB) for every PDF the
 * archive makes. A parsed font is not safe for parallel use: {@link #lock()} guards making a document with it.
 */
final class ChineseFont {

    private static final String FONT = "/fonts/NotoSansSC_400Regular.ttf";

    private final TrueTypeFont font;
    private final CmapLookup glyphs;

    private ChineseFont() {
        try (InputStream in = ChineseFont.class.getResourceAsStream(FONT)) {
            if (in == null) {
                throw new IllegalStateException("The font " + FONT + " is missing from the bundle.");
            }
            font = new TTFParser().parse(new RandomAccessReadBuffer(in));
            // the documents set Chinese and plain Latin text, which needs no glyph substitution; PDFBox's Latin
            // substitution took a third of the time of printing an archive
            font.setEnableGsub(false);
            glyphs = font.getUnicodeCmapLookup();
        } catch (IOException e) {
            throw new UncheckedIOException("The font " + FONT + " cannot be read", e);
        }
    }

    private static final class Holder {
        static final ChineseFont INSTANCE = new ChineseFont();
    }

    static ChineseFont get() {
        return Holder.INSTANCE;
    }

    /** What to synchronize on while a document uses the font. */
    Object lock() {
        return font;
    }

    /** The font for one document, embedded as a subset of the glyphs it shows. */
    PDType0Font load(PDDocument document) throws IOException {
        return PDType0Font.load(document, font, true);
    }

    /** The text without the characters the font has no glyph for, e.g. emoji: left out rather than failing. */
    String printable(String text) {
        StringBuilder kept = new StringBuilder();
        text.codePoints().filter(cp -> glyphs.getGlyphId(cp) > 0).forEach(kept::appendCodePoint);
        return kept.toString();
    }
}
