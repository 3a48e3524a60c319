package cn.anxun.supervision;

import java.util.List;

/**
 * A page of flags, newest first.
 *
 * @param next what to pass as {@code after} for the next page; {@code null} on the last
 */
public record FlagList(List<Flag> items, String next) {
}
