package cn.anxun.identity;

/**
 * How a caller stands to a record; a grant of the access policy gives a role an action on records that stand in one
 * of these relations to the caller.
 *
 * @since 2.0
 */
public enum Relation {
    /** Every record of the kind. */
    ANY,
    /** The caller is the record's subject: the learner it is about, or a learner enrolled in the class. */
    SELF,
    /** The record is not about the caller: nobody changes their own staff account. */
    OTHER,
    /** The record belongs to the institution the caller is bound to. */
    OWN_INSTITUTION,
    /** The record lies in the region the caller is bound to (a province covers its cities, a city its counties). */
    IN_REGION,
    /**
     * The record lies in the caller's region or in the city that contains it: a county regulator reads what the
     * institutions registered in the county's city do.
     */
    IN_REGION_OR_ITS_CITY,
    /** The record is published, e.g. a course online in the catalogue. */
    PUBLISHED
}
