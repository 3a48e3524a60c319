package cn.anxun.institutions;

import java.util.List;

import cn.anxun.identity.ListPage;

/**
 * A page of registrations, newest submitted first.
 *
 * @param next where the next page starts, {@code null} after the last
 * @since 2.1
 */
public record RegistrationList(List<Registration> items, String next) implements ListPage<Registration> {

    public RegistrationList {
        items = List.copyOf(items);
    }
}
