package cn.anxun.archive.internal;

import java.io.IOException;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Text set on A4 pages in the Chinese font from the top down: a cursor that moves down as lines are set, values
 * wrapped within the margins, a new page once one is full.
 */
final class Pages implements AutoCloseable {

    static final float MARGIN = 64;

    private final PDDocument document;
    private final ChineseFont font;
    private final PDType0Font type0;
    private PDPageContentStream out;
    private float y;

    Pages(PDDocument document, ChineseFont font) throws IOException {
        this.document = document;
        this.font = font;
        this.type0 = font.load(document);
        newPage();
    }

    float width() {
        return PDRectangle.A4.getWidth();
    }

    /** Where the next line's baseline is. */
    float y() {
        return y;
    }

    /** The page being written, for drawing on it. */
    PDPageContentStream stream() {
        return out;
    }

    void down(float by) {
        y -= by;
    }

    /** A line centred on the page at the cursor. */
    void centred(String text, float size) throws IOException {
        String shown = font.printable(text);
        text(shown, size, (width() - widthOf(shown, size)) / 2, y);
    }

    /** A label at the margin and its value beside it, wrapped; the cursor moves below it. */
    void field(String label, String value, float size, float indent) throws IOException {
        text(label + "：", size, MARGIN, y);
        wrapped(value, size, MARGIN + indent, false);
    }

    /** Text from {@code indent} past the margin, wrapped, on as many pages as it needs. */
    void paragraph(String text, float size, float indent) throws IOException {
        wrapped(text, size, MARGIN + indent, true);
    }

    /** Text at a place of the page; the cursor stays. */
    void text(String text, float size, float x, float at) throws IOException {
        out.beginText();
        out.setFont(type0, size);
        out.newLineAtOffset(x, at);
        out.showText(font.printable(text));
        out.endText();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    private void wrapped(String text, float size, float left, boolean breakPages) throws IOException {
        float room = width() - MARGIN - left;
        String rest = font.printable(text);
        do {
            if (breakPages && y < MARGIN + size) {
                nextPage();
            }
            int fits = rest.length();
            while (rest.codePointCount(0, fits) > 1 && widthOf(rest.substring(0, fits), size) > room) {
                fits = rest.offsetByCodePoints(fits, -1);
            }
            text(rest.substring(0, fits), size, left, y);
            rest = rest.substring(fits);
            y -= size * 1.9f;
        } while (!rest.isEmpty());
    }

    private float widthOf(String text, float size) throws IOException {
        return type0.getStringWidth(text) / 1000 * size;
    }

    /** Ends the page and starts the next, the cursor at its top. */
    void nextPage() throws IOException {
        out.close();
        newPage();
    }

    private void newPage() throws IOException {
        PDPage page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        out = new PDPageContentStream(document, page);
        y = page.getMediaBox().getHeight() - MARGIN;
    }
}
