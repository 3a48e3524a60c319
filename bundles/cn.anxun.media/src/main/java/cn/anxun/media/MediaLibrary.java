package cn.anxun.media;

import java.io.InputStream;
import java.util.List;

import cn.anxun.identity.Caller;

/**
 * The institutions' media files. Institution staff upload for their own institution; they, the operator and the
 * regulators read them. Learners reach media through the courses they study, never here.
 */
public interface MediaLibrary {

    /** Opens an upload of {@code size} bytes; 422 when larger than the configured limit. */
    Upload startUpload(Caller caller, String institutionId, String filename, long size);

    Upload upload(Caller caller, String uploadId);

    /**
     * Stores the chunk of {@code length} bytes that starts at {@code offset}, which must be the bytes received so
     * far (409 otherwise, so that a client resumes from where the server is). The chunk is on disk before this
     * returns. The last chunk completes the upload: the file's type is read from its bytes (422 for a type that is
     * not video, audio or a picture) and it is stored under its SHA-256. A chunk that ends early is discarded
     * whole.
     */
    Upload appendChunk(Caller caller, String uploadId, long offset, long length, InputStream chunk);

    Media media(Caller caller, String mediaId);

    /** The institution's media, newest first. */
    List<Media> ofInstitution(Caller caller, String institutionId);

    /** The bytes, for those who may read the media. */
    MediaContent content(Caller caller, String mediaId);

    /** The bytes, for a service that checked the caller's access itself (e.g. a learner studying a course). */
    MediaContent contentOf(String mediaId);
}
