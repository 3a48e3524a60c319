package cn.anxun.archive;

import java.util.List;

import cn.anxun.identity.ListPage;

/**
 * A page of certificates, newest issued first.
 *
 * @param next where the next page starts, {@code null} after the last
 * @since 1.3
 */
public record CertificateList(List<Certificate> items, String next) implements ListPage<Certificate> {

    public CertificateList {
        items = List.copyOf(items);
    }
}
