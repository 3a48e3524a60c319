/**
 * Identity: accounts of learners and staff, login sessions, who may see whom, personal-data protection and the
 * audit log.
 * <p>
 * Every service method takes the {@link cn.anxun.identity.Caller} it works for and asks the
 * {@link cn.anxun.identity.AccessPolicy} whether it may: the web API authenticates, the services authorise by one
 * policy. Failures are the exceptions of this package, which the web API turns into problem details (401, 403, 404,
 * 409, 422, 423, 429).
 */
@Version("2.7.0")
package cn.anxun.identity;

import org.osgi.annotation.versioning.Version;
