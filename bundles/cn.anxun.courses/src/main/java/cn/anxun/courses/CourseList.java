package cn.anxun.courses;

import java.util.List;

import cn.anxun.identity.ListPage;

/**
 * A page of courses, newest created first.
 *
 * @param next where the next page starts, {@code null} after the last
 * @since 1.4
 */
public record CourseList(List<Course> items, String next) implements ListPage<Course> {

    public CourseList {
        items = List.copyOf(items);
    }
}
