package cn.anxun.identity;

/**
 * What a login or refresh hands out.
 *
 * @param accessToken a signed JWT to send as {@code Authorization: Bearer …}
 * @param expiresIn seconds the access token is valid
 * @param refreshToken an opaque token for {@code POST /api/v1/auth/refresh}, usable once
 * @param refreshExpiresIn seconds the refresh token is valid
 */
public record Tokens(String accessToken, String tokenType, long expiresIn, String refreshToken,
        long refreshExpiresIn) {

    public Tokens(String accessToken, long expiresIn, String refreshToken, long refreshExpiresIn) {
        this(accessToken, "Bearer", expiresIn, refreshToken, refreshExpiresIn);
    }
}
