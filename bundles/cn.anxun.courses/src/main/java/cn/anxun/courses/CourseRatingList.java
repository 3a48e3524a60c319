package cn.anxun.courses;

import java.util.List;

import cn.anxun.identity.ListPage;

/**
 * A page of course ratings, newest first.
 *
 * @param next where the next page starts, {@code null} after the last
 * @since 1.4
 */
public record CourseRatingList(List<CourseRating> items, String next) implements ListPage<CourseRating> {

    public CourseRatingList {
        items = List.copyOf(items);
    }
}
