package cn.anxun.platform.text;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The text of an uploaded file: UTF-8 (with or without BOM) if the bytes are valid UTF-8, else GB18030 (a superset of
 * GBK), as spreadsheets on Chinese Windows save CSV.
 */
public final class UploadedText {

    private static final Charset GB18030 = Charset.forName("GB18030");

    private UploadedText() {
    }

    /**
     * The text, or nothing when the bytes are neither. A file that is mostly UTF-8 with a few broken bytes is
     * neither: read as GB18030 it would decode, into garbage.
     */
    public static Optional<String> decode(byte[] bytes) {
        String text = strict(StandardCharsets.UTF_8, bytes);
        if (text == null && !mostlyUtf8(bytes)) {
            text = strict(GB18030, bytes);
        }
        return Optional.ofNullable(text).map(decoded -> decoded.startsWith("\uFEFF") ? decoded.substring(1) : decoded);
    }

    private static String strict(Charset charset, byte[] bytes) {
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** More Chinese characters decode as UTF-8 than bytes fail to: UTF-8 with damage, not GBK. */
    private static boolean mostlyUtf8(byte[] bytes) {
        String lenient = new String(bytes, StandardCharsets.UTF_8);
        long broken = lenient.chars().filter(c -> c == 0xFFFD).count();
        long wide = lenient.chars().filter(c -> c >= 0x800 && c != 0xFFFD).count();
        return wide > broken;
    }
}
