package cn.anxun.api.identity;

import java.net.URI;
import java.util.Objects;

/**
 * The start of a sign-on.
 *
 * @param provider where the browser goes to sign in
 * @param kept what the plugin needs again when the browser comes back (nonce, PKCE verifier): the platform keeps it
 *        sealed and gives it to {@link StaffSignOn#complete} once
 * @since 1.1
 */
public record SignOnStart(URI provider, String kept) {

    public SignOnStart {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(kept, "kept");
    }
}
