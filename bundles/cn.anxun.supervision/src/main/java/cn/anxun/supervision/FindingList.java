package cn.anxun.supervision;

import java.util.List;

/**
 * A page of findings.
 *
 * @param next what to pass as {@code after} for the next page; {@code null} on the last
 */
public record FindingList(List<Finding> items, String next) {
}
