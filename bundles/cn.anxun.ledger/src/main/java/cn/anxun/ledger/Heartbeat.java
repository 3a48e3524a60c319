package cn.anxun.ledger;

/**
 * What the client reports every {@code heartbeatSeconds}.
 *
 * @param unit the unit being studied, from 1
 * @param position where playback is in a video or sound unit, in seconds; ignored for text
 * @param visible whether the page is shown
 * @param interacted whether the learner touched, clicked or typed since the last heartbeat
 */
public record Heartbeat(Integer unit, Double position, Boolean visible, Boolean interacted) {
}
