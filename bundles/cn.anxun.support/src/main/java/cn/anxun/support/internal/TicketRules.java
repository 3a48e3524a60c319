package cn.anxun.support.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import cn.anxun.identity.FreeText;
import cn.anxun.identity.InvalidInputException;
import cn.anxun.identity.Violation;
import cn.anxun.support.TicketDraft;

/** What a ticket must hold, and its deadlines. */
final class TicketRules {

    static final int MAX_SUBJECT = 100;
    static final int MAX_TEXT = 2000;
    /** The first answer, around the clock. */
    static final Duration RESPONSE = Duration.ofHours(2);
    /** Resolution: by the end of this many working days after the day of opening. */
    static final int RESOLUTION_WORKING_DAYS = 3;
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private TicketRules() {
    }

    /** The draft stripped, or 422 naming every broken rule. */
    static TicketDraft checked(TicketDraft draft) {
        if (draft == null) {
            throw new InvalidInputException("", "required", "a JSON body with the subject and the text is required");
        }
        List<Violation> violations = new ArrayList<>();
        String subject = FreeText.check(violations, "subject", draft.subject(), MAX_SUBJECT, true);
        String text = FreeText.check(violations, "text", draft.text(), MAX_TEXT, true);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return new TicketDraft(subject, text);
    }

    /** The end of the last working day given, China time: the start of the day after it. */
    static Instant endOf(LocalDate lastDay) {
        return lastDay.plusDays(1).atStartOfDay(CHINA).toInstant();
    }
}
