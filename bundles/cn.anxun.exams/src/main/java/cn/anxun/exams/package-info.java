/**
 * Exams: question banks that institutions keep for their programmes and the operator keeps for the whole
 * province, filled from and saved to the spreadsheets institutions already have. Questions are versioned: a revised
 * question is a new version, and the old one stays as it was shown.
 */
@Version("2.0.0")
package cn.anxun.exams;

import org.osgi.annotation.versioning.Version;
