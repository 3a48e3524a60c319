package cn.anxun.institutions;

import java.util.List;

/**
 * An institution's own records: its registrations in every city with their history, and the documents it
 * submitted.
 *
 * @param name the name given in its latest intent
 * @param creditCode its unified social credit code
 */
public record InstitutionRecords(String institutionId, String name, String creditCode,
        List<Registration> registrations, List<SubmittedDocument> documents) {
}
