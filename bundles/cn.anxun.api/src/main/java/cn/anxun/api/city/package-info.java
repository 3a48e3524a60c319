/**
 * The city-module contract: what a prefecture-level city module supplies to the platform.
 * <p>
 * A city module is a bundle that is mostly data. It names a JSON descriptor in its manifest header
 * {@value cn.anxun.api.city.CityModule#DESCRIPTOR_HEADER} and requires the extender capability
 * {@code osgi.extender=}{@value cn.anxun.api.city.CityModule#EXTENDER}; the platform reads the descriptor into a
 * {@link cn.anxun.api.city.CityModule} when the bundle starts and forgets it when the bundle stops. A city that
 * needs code registers its {@code CityModule} as an OSGi service itself; both paths end in the same registry.
 * <p>
 * The descriptor has the fields of {@link cn.anxun.api.city.CityModule}; unknown fields are rejected:
 * <pre>
 * { "code": "440100", "name": "广州市", "bureau": "广州市应急管理局",
 *   "institutionListUrl": "https://…", "counties": [ { "code": "440103", "name": "荔湾区" } ] }
 * </pre>
 */
@Version("1.0.0")
package cn.anxun.api.city;

import org.osgi.annotation.versioning.Version;
