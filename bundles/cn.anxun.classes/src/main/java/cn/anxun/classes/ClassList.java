package cn.anxun.classes;

import java.util.List;

import cn.anxun.identity.ListPage;

/**
 * A page of classes, newest opened first.
 *
 * @param next where the next page starts, {@code null} after the last
 * @since 2.0
 */
public record ClassList(List<TrainingClass> items, String next) implements ListPage<TrainingClass> {

    public ClassList {
        items = List.copyOf(items);
    }
}
