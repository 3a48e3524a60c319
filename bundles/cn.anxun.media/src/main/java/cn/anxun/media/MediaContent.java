package cn.anxun.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The bytes of a stored media file.
 *
 * @param media what the file is
 * @param file where it is stored
 */
public record MediaContent(Media media, Path file) {

    /** The bytes from an offset on, for a range request; the caller closes the stream. */
    public InputStream open(long offset) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            return Channels.newInputStream(channel.position(offset));
        } catch (IOException e) {
            channel.close();
            throw e;
        }
    }
}
