package cn.anxun.classes;

import java.time.LocalDate;
import java.util.List;

/**
 * What an institution enters to open a class.
 *
 * @param programme the code of a programme; the class takes its version in force
 * @param courses the institution's online courses that teach that version
 */
public record ClassDraft(String name, String city, String programme, List<String> courses, LocalDate startsOn,
        LocalDate endsOn) {
}
