package cn.anxun.identity;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Counts requests per client address against their limits. The counts are kept in the database, so that every node
 * counts the same; an address is kept as a keyed hash only.
 *
 * @since 1.6
 */
@ProviderType
public interface RequestLimits {

    /**
     * Counts one request of the limit's kind from the caller's address, whatever it then ends in.
     *
     * @throws TooManyRequestsException once the address has made its window's requests; the refusal is audited
     */
    void count(Caller caller, RequestLimit limit);
}
