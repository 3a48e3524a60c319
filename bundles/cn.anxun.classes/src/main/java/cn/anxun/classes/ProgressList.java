package cn.anxun.classes;

import java.util.List;

import cn.anxun.identity.ListPage;

/**
 * A page of enrolments in the order of class and learner.
 *
 * @param next where the next page starts, {@code null} after the last
 * @since 1.4
 */
public record ProgressList(List<EnrolmentProgress> items, String next) implements ListPage<EnrolmentProgress> {

    public ProgressList {
        items = List.copyOf(items);
    }
}
