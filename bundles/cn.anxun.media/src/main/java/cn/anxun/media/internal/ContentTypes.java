package cn.anxun.media.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MimeTypes;

/**
 * The type of a file, from its bytes alone (Apache Tika's magic numbers): a name can claim anything. Tika's core
 * calls every ISO media file QuickTime and every Matroska file Matroska; the file-type box's brand and the EBML
 * document type tell MP4 and WebM apart.
 */
final class ContentTypes {

    private static final MimeTypes TYPES = MimeTypes.getDefaultMimeTypes(MimeTypes.class.getClassLoader());
    private static final int HEAD_BYTES = 64;
    private static final Set<String> KINDS = Set.of("video", "audio", "image");
    /** Pictures that can carry script. */
    private static final Set<String> REFUSED = Set.of("image/svg+xml");

    private ContentTypes() {
    }

    static String detect(InputStream bytes) throws IOException {
        BufferedInputStream in = new BufferedInputStream(bytes);
        in.mark(HEAD_BYTES);
        String head = new String(in.readNBytes(HEAD_BYTES), StandardCharsets.ISO_8859_1);
        in.reset();
        String type = TYPES.detect(in, new Metadata()).getBaseType().toString();
        return switch (type) {
            case "video/quicktime" -> head.startsWith("ftypqt  ", 4) ? type : "video/mp4";
            case "application/x-matroska" -> head.contains("webm") ? "video/webm" : "video/x-matroska";
            default -> type;
        };
    }

    /** Whether a course may hold media of the type. */
    static boolean accepted(String type) {
        return KINDS.contains(type.substring(0, type.indexOf('/'))) && !REFUSED.contains(type);
    }
}
