/**
 * Classes (培训班, R-20): an institution registered in a city opens one for a programme version with its online
 * courses and dates, and enrols learners of that city; a learner studies only the courses of their classes, and
 * only while the institution may train there.
 */
@Version("2.0.0")
package cn.anxun.classes;

import org.osgi.annotation.versioning.Version;
