package cn.anxun.identity;

import java.util.List;

/** A slice of a longer list. */
public record Page<T>(List<T> items, long total, int offset, int limit) {
}
