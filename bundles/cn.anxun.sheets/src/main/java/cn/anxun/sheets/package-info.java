/**
 * Spreadsheets in and out: what institutions upload (question banks) read as lines of cells, and lists exported
 * as CSV or {@code .xlsx} row by row.
 */
@Version("1.0.0")
package cn.anxun.sheets;

import org.osgi.annotation.versioning.Version;
