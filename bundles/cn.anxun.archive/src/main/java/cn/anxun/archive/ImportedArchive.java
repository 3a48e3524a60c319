package cn.anxun.archive;

import java.util.Map;

/**
 * An archive taken over from another platform, as it was handed over.
 *
 * @param kind {@code learner} or {@code class}
 * @param name the learner's name, or the class's
 * @param idNumber the learner's ID number, masked; {@code null} for a class
 * @param archive the archive as the source's API answered it: for a learner, their archive; for a class, its
 *        training file
 * @since 1.2
 */
public record ImportedArchive(String id, String importId, String kind, String sourceId, String name, String idNumber,
        String city, String county, Map<String, Object> archive) {
}
