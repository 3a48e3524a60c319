package cn.anxun.support;

import java.util.List;

/**
 * A page of tickets, newest first.
 *
 * @param next what to pass as {@code after} for the next page; {@code null} on the last
 */
public record TicketList(List<Ticket> items, String next) {
}
