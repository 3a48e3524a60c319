package cn.anxun.identity;

/**
 * How staff sign on through an identity provider, for the login page.
 *
 * @param provider the configured provider's id, or null when staff log in with passwords only
 * @param label how to name the provider to people, or null
 * @param required whether staff must sign on through it; only break-glass accounts then log in with a password
 * @since 2.7
 */
public record SignOnOffer(String provider, String label, boolean required) {
}
