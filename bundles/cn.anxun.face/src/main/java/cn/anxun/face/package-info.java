/**
 * Face checks against study by proxy: a learner's live capture compared with their reference photo by
 * the face provider configured for their city, every check recorded, the capture kept sealed for a while for those
 * who supervise the learner.
 */
@Version("1.0.0")
package cn.anxun.face;

import org.osgi.annotation.versioning.Version;
