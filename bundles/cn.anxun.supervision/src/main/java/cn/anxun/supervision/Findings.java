package cn.anxun.supervision;

import cn.anxun.identity.Caller;

/**
 * Findings and their rectification. Regulators raise and decide them in their region, the institution
 * answers; every step is kept in the finding's history and audited.
 */
public interface Findings {

    /**
     * Raises a finding against a record the regulator may read; it lies in the regulator's region.
     *
     * @throws cn.anxun.identity.InvalidInputException naming the field and the rule
     * @throws cn.anxun.identity.NotFoundException if there is no such record
     * @throws cn.anxun.identity.AccessDeniedException if the caller may not raise findings or read the record
     */
    Finding raise(Caller caller, FindingDraft draft);

    Finding get(Caller caller, String id);

    FindingList list(Caller caller, FindingQuery query);

    /**
     * Takes a step.
     *
     * @throws cn.anxun.identity.ConflictException if the finding's status does not allow it
     */
    Finding step(Caller caller, String id, FindingStep step);
}
