package cn.anxun.api.identity;

/**
 * Sessions an identity provider ended on its side: those of one provider session, or of one person when the
 * provider names no session.
 *
 * @param subject the provider's identifier of the person, or null
 * @param providerSession the provider's identifier of its session, or null
 * @since 1.1
 */
public record SignedOut(String subject, String providerSession) {

    public SignedOut {
        if (subject == null && providerSession == null) {
            throw new IllegalArgumentException("a sign-out names a subject, a provider session or both");
        }
    }
}
