package cn.anxun.archive;

import java.time.Instant;
import java.util.List;

/**
 * A handover package imported here: where it came from, who exported and who imported it, and what it held.
 *
 * @param sourceKey the source platform's ledger key the package verified with
 * @param checkpointSize the size of the source's ledger tree its records are proved against
 * @since 1.2
 */
public record HandoverImport(String id, String sourceInstitutionId, Instant exportedAt, String exportedBy,
        Instant importedAt, String importedBy, Long checkpointSize, String sourceKey, List<Taken> learners,
        List<Taken> classes) {

    /**
     * One archive taken over.
     *
     * @param id the archive here ({@code GET /imported-archives/{id}})
     * @param sourceId the learner's or the class's id at the source
     */
    public record Taken(String id, String sourceId, String city) {
    }

    public HandoverImport {
        learners = List.copyOf(learners);
        classes = List.copyOf(classes);
    }
}
