/**
 * Text files people upload from their own spreadsheets: what encoding they are in.
 */
@Version("1.0.0")
package cn.anxun.platform.text;

import org.osgi.annotation.versioning.Version;
