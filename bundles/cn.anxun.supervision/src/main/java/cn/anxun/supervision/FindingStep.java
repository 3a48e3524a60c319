package cn.anxun.supervision;

import java.time.LocalDate;

/**
 * A step on a finding. The institution's admin ANSWERs an open finding with what it rectified; a regulator of the
 * region that decides it REOPENs an answered one with a new deadline, ESCALATEs it to the region above, SUSPENDs or
 * REVOKEs a registration of the institution citing it (as that city's regulator), or CLOSEs it.
 *
 * @param text required: the answer, or the reason
 * @param deadline required for REOPEN: after today
 * @param registration for SUSPEND and REVOKE: the registration sanctioned; the subject, if it is one
 */
public record FindingStep(Finding.Action action, String text, LocalDate deadline, String registration) {
}
