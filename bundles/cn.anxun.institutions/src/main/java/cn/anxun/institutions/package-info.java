/**
 * Training institutions. Each city's regulator keeps the register of the offline training institutions reported to
 * the city bureau (已向市应急管理局报告的线下培训机构); online registration of institutions in a city is checked against
 * it, decided by the city regulator, announced to the public and reported to the province.
 */
@Version("2.2.0")
package cn.anxun.institutions;

import org.osgi.annotation.versioning.Version;
