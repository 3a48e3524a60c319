/**
 * The plugins of the distribution (city modules, face providers, course-format validators, staff sign-on) and the
 * state the operator decided for them, which every node of the platform brings itself to.
 */
@Version("1.2.0")
package cn.anxun.plugins;

import org.osgi.annotation.versioning.Version;
