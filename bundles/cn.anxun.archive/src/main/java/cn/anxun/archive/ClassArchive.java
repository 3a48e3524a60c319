package cn.anxun.archive;

import java.time.Instant;
import java.util.List;

import cn.anxun.classes.TrainingClass;

/**
 * A class's training file: its programme, courses and enrolments, attendance, tests, certificates.
 *
 * @param readAt when the file was put together
 * @since 1.1
 */
public record ClassArchive(TrainingClass trainingClass, Instant readAt, List<ArchiveSection> sections) {

    public ClassArchive {
        sections = List.copyOf(sections);
    }
}
