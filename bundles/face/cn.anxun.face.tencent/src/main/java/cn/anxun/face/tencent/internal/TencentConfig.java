package cn.anxun.face.tencent.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** {@code etc/cn.anxun.face.tencent.cfg}: the account and limits for Tencent Cloud Face Recognition. */
@ObjectClassDefinition(id = TencentConfig.PID, name = "Anxun face provider: Tencent Cloud")
public @interface TencentConfig {

    String PID = "cn.anxun.face.tencent";

    @AttributeDefinition(description = "Where the Face Recognition API answers")
    String endpoint() default "https://iai.tencentcloudapi.com";

    @AttributeDefinition(description = "SecretId of the API key")
    String secretId() default "";

    @AttributeDefinition(type = AttributeType.PASSWORD, description = "SecretKey of the API key; never logged")
    String secretKey() default "";

    @AttributeDefinition(description = "Region, if the account needs one; empty: none sent")
    String region() default "";

    @AttributeDefinition(description = "Algorithm version of the service")
    String faceModelVersion() default "3.0";

    @AttributeDefinition(description = "CompareFace QualityControl: 0 none … 4 very strict")
    int qualityControl() default 2;

    @AttributeDefinition(description = "Milliseconds to connect")
    int connectTimeoutMillis() default 2000;

    @AttributeDefinition(description = "Milliseconds a request may take in all")
    int requestTimeoutMillis() default 5000;
}
