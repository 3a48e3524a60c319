/**
 * The city registry: the cities whose module is installed now, and every city this platform has ever had.
 */
@Version("1.2.0")
package cn.anxun.cities;

import org.osgi.annotation.versioning.Version;
