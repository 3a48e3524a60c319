package cn.anxun.rest;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource method that takes a request body from callers without a token, such as a login or a learner's
 * registration. Every other method answers such a request 401 before a byte of its body is read, so that nobody
 * can make the platform read a body without logging in first.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Anonymous {
}
