package cn.anxun.identity;

import java.net.URI;

/**
 * A staff sign-on begun: where the browser goes, and the secret that binds the sign-on to that browser (a cookie the
 * browser must bring back).
 *
 * @since 2.7
 */
public record SignOnRedirect(URI provider, String binding) {
}
