/**
 * Which node of the platform answers: several identical nodes may serve one database behind a load balancer.
 */
@Version("1.0.0")
package cn.anxun.platform.node;

import org.osgi.annotation.versioning.Version;
