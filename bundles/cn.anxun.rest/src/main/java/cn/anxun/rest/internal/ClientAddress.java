package cn.anxun.rest.internal;

import java.util.Set;

/**
 * The address a request came from: the connection's peer, or, when that peer is a trusted reverse proxy, the
 * nearest address in {@code X-Forwarded-For} that no trusted proxy vouches for. A client can write anything into
 * that header, so only what the trusted proxies appended is believed.
 */
final class ClientAddress {

    private ClientAddress() {
    }

    static String of(String peer, String forwardedFor, Set<String> trustedProxies) {
        if (forwardedFor == null || !trustedProxies.contains(peer)) {
            return peer;
        }
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (!hop.isEmpty() && !trustedProxies.contains(hop)) {
                return hop;
            }
        }
        return peer;
    }
}
