package cn.anxun.api.media;

import java.nio.file.Path;

/**
 * A stored media file, read-only.
 *
 * @param path the file; never write to it
 * @param mediaType its type as read from its bytes, e.g. {@code video/mp4}
 * @param size its bytes
 */
public record MediaFile(Path path, String mediaType, long size) {
}
