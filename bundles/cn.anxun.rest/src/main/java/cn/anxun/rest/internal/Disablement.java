package cn.anxun.rest.internal;

/** Why an account is disabled, kept with it and in the audit log. */
public record Disablement(String reason) {
}
