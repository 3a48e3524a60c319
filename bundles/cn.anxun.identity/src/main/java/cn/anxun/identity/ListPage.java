package cn.anxun.identity;

import java.util.List;

/**
 * A page of a list that follows on by position: {@link #next()} names where the following page starts.
 *
 * @param <T> a row of the list
 * @since 2.5
 */
public interface ListPage<T> {

    List<T> items();

    /** Where the next page starts, {@code null} after the last. */
    String next();
}
