/**
 * Documents people upload, judged by their content and never by their name or declared type: PDFs read within a
 * budget that no crafted file can exceed, with their text for screening; pictures re-encoded, which leaves their
 * metadata (place, camera, owner) behind.
 */
@Version("1.0.0")
package cn.anxun.documents;

import org.osgi.annotation.versioning.Version;
