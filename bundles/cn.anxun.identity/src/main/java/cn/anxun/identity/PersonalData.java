package cn.anxun.identity;

import java.time.LocalDate;

/** The unmasked identity of a learner; every time it is handed out, the audit log records who saw it. */
public record PersonalData(String learnerId, String name, String idNumber, IdNumber.Sex sex, LocalDate birthDate) {
}
