/**
 * The course catalogue. Training programmes (培训大纲) say, for a personnel category and an industry or operation
 * type, how many theory hours initial and refresher training take and how many of them may be studied online.
 * Courses belong to the institution that teaches them, target programmes and are made of video, audio and text
 * units whose durations come from the media themselves.
 */
@Version("1.4.0")
package cn.anxun.courses;

import org.osgi.annotation.versioning.Version;
