package cn.anxun.rest.internal;

import java.util.List;

import cn.anxun.rest.internal.HealthResource.Check;

/** One part of readiness. */
interface ReadinessCheck {

    List<Check> run();
}
