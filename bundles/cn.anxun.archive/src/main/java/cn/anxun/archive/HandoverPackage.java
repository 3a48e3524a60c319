package cn.anxun.archive;

import java.io.IOException;
import java.io.OutputStream;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A handover package ready to be written: a zip holding one folder, the bag.
 *
 * @since 1.2
 */
@ProviderType
public interface HandoverPackage {

    /** The zip's file name, which names the institution and the time. */
    String fileName();

    /** Writes the package, reading each archive as it goes: memory does not grow with the number of learners. */
    void writeTo(OutputStream out) throws IOException;
}
