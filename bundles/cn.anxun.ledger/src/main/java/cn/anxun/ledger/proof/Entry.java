package cn.anxun.ledger.proof;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One ledger entry and the exact bytes its leaf hash is taken of: UTF-8 lines {@code name=value} in a fixed order
 * after the line {@value #FORMAT}, an absent value empty, times in epoch milliseconds.
 *
 * @param kind a credited segment of study, or a correction that compensates an earlier entry
 * @param unit the unit's position in the course, from 1
 * @param mediaFromMs where in the unit's video or sound the segment began; {@code null} for text
 * @param creditedSeconds what the entry adds to the learner's total; negative in a correction that takes time off
 * @param openedBy the passed face check that began the segment
 * @param closedBy the passed face check that ended it
 * @param corrects the entry a correction compensates
 * @param reason why a correction was made
 * @param recordedBy the account that made a correction, {@code system} for a segment
 */
public record Entry(String id, Kind kind, String learnerId, String classId, String courseId, int unit,
        Long mediaFromMs, Long mediaToMs, Instant startedAt, Instant endedAt, long creditedSeconds, String openedBy,
        String closedBy, String sessionId, String corrects, String reason, Instant recordedAt, String recordedBy) {

    public static final String FORMAT = "anxun-ledger-entry/1";

    public enum Kind {
        SEGMENT, CORRECTION
    }

    public Entry {
        for (String value : new String[] {id, learnerId, classId, courseId, openedBy, closedBy, sessionId, corrects,
            reason, recordedBy}) {
            if (value != null && (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0)) {
                throw new IllegalArgumentException("a ledger entry's values are single lines");
            }
        }
    }

    /** The bytes of the leaf. */
    public byte[] bytes() {
        StringBuilder text = new StringBuilder(FORMAT).append('\n');
        fields().forEach((name, value) -> text.append(name).append('=').append(value == null ? "" : value)
                .append('\n'));
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    public byte[] leafHash() {
        return TreeHash.leaf(bytes());
    }

    /** Reads what {@link #bytes()} wrote; anything else is refused. */
    public static Entry parse(byte[] bytes) {
        String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n", -1);
        List<String> names = new ArrayList<>(empty().fields().keySet());
        if (lines.length != names.size() + 2 || !lines[0].equals(FORMAT) || !lines[lines.length - 1].isEmpty()) {
            throw new IllegalArgumentException("not a " + FORMAT + " entry");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String prefix = names.get(i) + "=";
            if (!lines[i + 1].startsWith(prefix)) {
                throw new IllegalArgumentException("line " + (i + 2) + " of the entry is not " + prefix);
            }
            String value = lines[i + 1].substring(prefix.length());
            values.put(names.get(i), value.isEmpty() ? null : value);
        }
        Entry entry = new Entry(values.get("id"), Kind.valueOf(values.get("kind")), values.get("learner"),
                values.get("class"), values.get("course"), Integer.parseInt(values.get("unit")),
                number(values.get("media-from")), number(values.get("media-to")), instant(values.get("started")),
                instant(values.get("ended")), Long.parseLong(values.get("credited")), values.get("opened-by"),
                values.get("closed-by"), values.get("session"), values.get("corrects"), values.get("reason"),
                instant(values.get("recorded")), values.get("recorded-by"));
        if (!java.util.Arrays.equals(entry.bytes(), bytes)) {
            throw new IllegalArgumentException("the entry is not in its canonical form");
        }
        return entry;
    }

    private Map<String, Object> fields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", id);
        fields.put("kind", kind);
        fields.put("learner", learnerId);
        fields.put("class", classId);
        fields.put("course", courseId);
        fields.put("unit", unit);
        fields.put("media-from", mediaFromMs);
        fields.put("media-to", mediaToMs);
        fields.put("started", millis(startedAt));
        fields.put("ended", millis(endedAt));
        fields.put("credited", creditedSeconds);
        fields.put("opened-by", openedBy);
        fields.put("closed-by", closedBy);
        fields.put("session", sessionId);
        fields.put("corrects", corrects);
        fields.put("reason", reason);
        fields.put("recorded", millis(recordedAt));
        fields.put("recorded-by", recordedBy);
        return fields;
    }

    private static Entry empty() {
        return new Entry(null, null, null, null, null, 0, null, null, null, null, 0, null, null, null, null, null,
                null, null);
    }

    private static Long millis(Instant at) {
        return at == null ? null : at.toEpochMilli();
    }

    private static Long number(String value) {
        return value == null ? null : Long.valueOf(value);
    }

    private static Instant instant(String value) {
        return value == null ? null : Instant.ofEpochMilli(Long.parseLong(value));
    }
}
