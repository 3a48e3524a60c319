/**
 * The content-filter contract: text that users write (comments on courses and teachers) is screened by every
 * installed {@link cn.anxun.api.content.ContentFilter} before anyone else sees it. A default filter checks a
 * configurable list of words; a vendor's moderation service is another filter.
 */
@Version("1.0.0")
package cn.anxun.api.content;

import org.osgi.annotation.versioning.Version;
