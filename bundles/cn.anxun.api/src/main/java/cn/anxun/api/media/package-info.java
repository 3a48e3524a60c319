/**
 * The course-format validation contract that validators implement.
 * <p>
 * A {@link cn.anxun.api.media.MediaValidator} reads one stored media file of a type it handles and reports what it
 * measured (the duration above all, which a course unit takes as its own) and its {@link cn.anxun.api.media.Finding}s:
 * defects of picture or sound, each blocking or a warning, with where in the file it was found. Validators are plain
 * OSGi services; the platform runs every one installed that handles a file's type, in the background, and a course
 * with a blocking finding cannot go to review.
 */
@Version("1.0.0")
package cn.anxun.api.media;

import org.osgi.annotation.versioning.Version;
