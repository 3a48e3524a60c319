package cn.anxun.rest.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The web API's settings, in {@code etc/cn.anxun.rest.cfg}. */
@ObjectClassDefinition(name = "Anxun web API")
public @interface ApiConfig {

    String PID = "cn.anxun.rest";

    @AttributeDefinition(description = "Addresses of the reverse proxies in front of the platform, whose "
            + "X-Forwarded-For is believed; from any other address the header is ignored")
    String[] trustedProxies() default {};
}
