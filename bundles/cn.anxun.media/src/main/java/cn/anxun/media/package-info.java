/**
 * Course media: uploads in chunks that survive a broken connection, files stored once by their SHA-256 under the
 * data folder, their type read from their bytes.
 */
@Version("1.2.0")
package cn.anxun.media;

import org.osgi.annotation.versioning.Version;
