/**
 * The face verification contract that face providers implement.
 * <p>
 * A {@link cn.anxun.api.face.FaceProvider} finds faces in a photo and compares a learner's reference photo with a
 * live capture. Providers are plain OSGi services: the platform collects every one installed and uses the one its
 * configuration {@code etc/cn.anxun.face.cfg} names, for the province or for one city, with that configuration's
 * decision threshold on the provider's own score scale.
 */
@Version("1.1.0")
package cn.anxun.api.face;

import org.osgi.annotation.versioning.Version;
