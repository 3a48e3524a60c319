package cn.anxun.identity.internal;

import static cn.anxun.identity.Relation.ANY;
import static cn.anxun.identity.Relation.IN_REGION;
import static cn.anxun.identity.Relation.IN_REGION_OR_ITS_CITY;
import static cn.anxun.identity.Relation.OTHER;
import static cn.anxun.identity.Relation.OWN_INSTITUTION;
import static cn.anxun.identity.Relation.PUBLISHED;
import static cn.anxun.identity.Relation.SELF;
import static cn.anxun.identity.Role.AUDITOR;
import static cn.anxun.identity.Role.CITY_REGULATOR;
import static cn.anxun.identity.Role.COUNTY_REGULATOR;
import static cn.anxun.identity.Role.FEED_READER;
import static cn.anxun.identity.Role.INSTITUTION_ADMIN;
import static cn.anxun.identity.Role.INSTITUTION_STAFF;
import static cn.anxun.identity.Role.LEARNER;
import static cn.anxun.identity.Role.OPERATOR;
import static cn.anxun.identity.Role.PLATFORM_ADMIN;
import static cn.anxun.identity.Role.PROVINCE_REGULATOR;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import cn.anxun.identity.Operation;
import cn.anxun.identity.RecordKind;
import cn.anxun.identity.Relation;
import cn.anxun.identity.Role;

/**
 * The access policy's table: for each kind of record and operation, the roles that may and the relation the record must
 * stand in to the caller. What the table does not grant is refused.
 */
final class AccessRules {

    /** A role may act on records that stand in the relation to the caller. */
    record Grant(Role role, Relation relation) {
    }

    private static final Role[] REGULATORS = {PROVINCE_REGULATOR, CITY_REGULATOR, COUNTY_REGULATOR};
    private static final Role[] INSTITUTION = {INSTITUTION_ADMIN, INSTITUTION_STAFF};
    /** Who opens support tickets: learners, institutions and regulators. */
    private static final Role[] OPENERS = {LEARNER, INSTITUTION_ADMIN, INSTITUTION_STAFF, PROVINCE_REGULATOR,
        CITY_REGULATOR, COUNTY_REGULATOR};

    private static final Map<RecordKind, Map<Operation, List<Grant>>> TABLE = new EnumMap<>(RecordKind.class);

    static {
        on(RecordKind.LEARNER, Operation.READ).to(SELF, LEARNER).to(ANY, OPERATOR).to(OWN_INSTITUTION, INSTITUTION)
                .to(IN_REGION, REGULATORS);
        on(RecordKind.LEARNER, Operation.UPDATE).to(ANY, OPERATOR);
        for (RecordKind personal : List.of(RecordKind.PERSONAL_DATA, RecordKind.FACE_PHOTO, RecordKind.FACE_CHECK,
                RecordKind.FACE_CAPTURE)) {
            on(personal, Operation.READ).to(SELF, LEARNER).to(ANY, OPERATOR).to(OWN_INSTITUTION, INSTITUTION_ADMIN)
                    .to(IN_REGION, REGULATORS);
        }
        on(RecordKind.FACE_PHOTO, Operation.UPDATE).to(ANY, OPERATOR).to(OWN_INSTITUTION, INSTITUTION_ADMIN);
        on(RecordKind.PASSWORD, Operation.UPDATE).to(ANY, OPERATOR).to(OWN_INSTITUTION, INSTITUTION_ADMIN);
        on(RecordKind.FACE_CHECK, Operation.CREATE).to(SELF, LEARNER);

        on(RecordKind.STAFF_ACCOUNT, Operation.READ).to(ANY, PLATFORM_ADMIN);
        on(RecordKind.STAFF_ACCOUNT, Operation.CREATE).to(ANY, PLATFORM_ADMIN);
        // separation of duties: an administrator who could grant themself OPERATOR or AUDITOR would act unseen
        on(RecordKind.STAFF_ACCOUNT, Operation.UPDATE).to(OTHER, PLATFORM_ADMIN);
        on(RecordKind.AUDIT_LOG, Operation.READ).to(ANY, AUDITOR, PROVINCE_REGULATOR);

        on(RecordKind.INSTITUTION_RECORDS, Operation.CREATE).to(OWN_INSTITUTION, INSTITUTION_ADMIN);
        on(RecordKind.INSTITUTION_RECORDS, Operation.READ).to(OWN_INSTITUTION, INSTITUTION).to(ANY, OPERATOR)
                .to(IN_REGION_OR_ITS_CITY, REGULATORS);
        on(RecordKind.REGISTRATION, Operation.CREATE).to(OWN_INSTITUTION, INSTITUTION_ADMIN);
        on(RecordKind.REGISTRATION, Operation.READ).to(OWN_INSTITUTION, INSTITUTION).to(ANY, OPERATOR)
                .to(IN_REGION_OR_ITS_CITY, REGULATORS);
        on(RecordKind.REGISTRATION, Operation.EXPORT).to(OWN_INSTITUTION, INSTITUTION_ADMIN).to(ANY, OPERATOR)
                .to(IN_REGION_OR_ITS_CITY, REGULATORS);
        on(RecordKind.REGISTRATION, Operation.DECIDE).to(IN_REGION, CITY_REGULATOR);
        on(RecordKind.OFFLINE_REGISTER, Operation.READ).to(ANY, OPERATOR).to(IN_REGION_OR_ITS_CITY, REGULATORS);
        on(RecordKind.OFFLINE_REGISTER, Operation.UPDATE).to(IN_REGION, CITY_REGULATOR);
        on(RecordKind.PROVINCE_REPORT, Operation.READ).to(ANY, OPERATOR).to(IN_REGION, PROVINCE_REGULATOR);

        on(RecordKind.COURSE, Operation.CREATE).to(OWN_INSTITUTION, INSTITUTION);
        on(RecordKind.COURSE, Operation.UPDATE).to(OWN_INSTITUTION, INSTITUTION);
        on(RecordKind.COURSE, Operation.READ).to(OWN_INSTITUTION, INSTITUTION).to(ANY, OPERATOR)
                .to(IN_REGION_OR_ITS_CITY, REGULATORS).to(PUBLISHED, LEARNER);
        on(RecordKind.COURSE, Operation.EXPORT).to(OWN_INSTITUTION, INSTITUTION_ADMIN).to(ANY, OPERATOR)
                .to(IN_REGION_OR_ITS_CITY, REGULATORS);
        on(RecordKind.COURSE_REVIEW, Operation.READ).to(OWN_INSTITUTION, INSTITUTION).to(ANY, OPERATOR)
                .to(IN_REGION_OR_ITS_CITY, REGULATORS);
        on(RecordKind.COURSE, Operation.DECIDE).to(ANY, OPERATOR);
        on(RecordKind.COURSE, Operation.INSPECT).to(IN_REGION_OR_ITS_CITY, REGULATORS);
        on(RecordKind.COURSE, Operation.REVOKE).to(OWN_INSTITUTION, INSTITUTION).to(ANY, OPERATOR)
                .to(IN_REGION_OR_ITS_CITY, REGULATORS);
        on(RecordKind.COURSE_FEEDBACK, Operation.CREATE).to(PUBLISHED, LEARNER);
        on(RecordKind.COURSE_FEEDBACK, Operation.READ).to(ANY, OPERATOR).to(OWN_INSTITUTION, INSTITUTION)
                .to(IN_REGION_OR_ITS_CITY, REGULATORS);
        on(RecordKind.COURSE_FEEDBACK, Operation.EXPORT).to(ANY, OPERATOR).to(OWN_INSTITUTION, INSTITUTION_ADMIN)
                .to(IN_REGION_OR_ITS_CITY, REGULATORS);
        for (Operation change : List.of(Operation.CREATE, Operation.UPDATE, Operation.REVOKE)) {
            on(RecordKind.PROGRAMME, change).to(ANY, OPERATOR);
        }

        on(RecordKind.MEDIA, Operation.CREATE).to(OWN_INSTITUTION, INSTITUTION);
        on(RecordKind.MEDIA, Operation.READ).to(OWN_INSTITUTION, INSTITUTION).to(ANY, OPERATOR)
                .to(IN_REGION_OR_ITS_CITY, REGULATORS);
        on(RecordKind.MEDIA, Operation.UPDATE).to(OWN_INSTITUTION, INSTITUTION).to(ANY, OPERATOR);
        on(RecordKind.PLATFORM_JOBS, Operation.READ).to(ANY, OPERATOR);
        for (Operation change : List.of(Operation.READ, Operation.CREATE, Operation.DELETE)) {
            on(RecordKind.CITY_MODULE, change).to(ANY, OPERATOR);
            on(RecordKind.PLUGIN, change).to(ANY, OPERATOR);
        }

        on(RecordKind.CLASS, Operation.READ).to(SELF, LEARNER).to(ANY, OPERATOR).to(OWN_INSTITUTION, INSTITUTION)
                .to(IN_REGION_OR_ITS_CITY, REGULATORS);
        on(RecordKind.CLASS, Operation.EXPORT).to(ANY, OPERATOR).to(OWN_INSTITUTION, INSTITUTION_ADMIN)
                .to(IN_REGION_OR_ITS_CITY, REGULATORS);
        on(RecordKind.CLASS, Operation.CREATE).to(OWN_INSTITUTION, INSTITUTION);
        on(RecordKind.CLASS, Operation.UPDATE).to(OWN_INSTITUTION, INSTITUTION);
        // a learner sees their own progress and results, not their classmates'; a county regulator the class's
        // learners of the county only (Classes.learnersOfRegion), not the whole class
        on(RecordKind.CLASS_RECORDS, Operation.READ).to(ANY, OPERATOR).to(OWN_INSTITUTION, INSTITUTION)
                .to(IN_REGION, REGULATORS);
        // supervision: a learner's row lies in the learner's county (else city), whatever the class's city
        on(RecordKind.ENROLMENT, Operation.READ).to(SELF, LEARNER).to(ANY, OPERATOR).to(OWN_INSTITUTION, INSTITUTION)
                .to(IN_REGION, REGULATORS);
        on(RecordKind.ENROLMENT, Operation.EXPORT).to(ANY, OPERATOR).to(OWN_INSTITUTION, INSTITUTION_ADMIN)
                .to(IN_REGION, REGULATORS);
        // findings lie where they were raised; the institution reads its own and its admin answers them
        on(RecordKind.FINDING, Operation.READ).to(ANY, OPERATOR).to(OWN_INSTITUTION, INSTITUTION)
                .to(IN_REGION, REGULATORS);
        on(RecordKind.FINDING, Operation.CREATE).to(IN_REGION, REGULATORS);
        on(RecordKind.FINDING, Operation.UPDATE).to(OWN_INSTITUTION, INSTITUTION_ADMIN);
        on(RecordKind.FINDING, Operation.DECIDE).to(IN_REGION, REGULATORS);
        // flags are the regulators' to look into: the institution is not told of them
        on(RecordKind.FLAG, Operation.READ).to(ANY, OPERATOR).to(IN_REGION, REGULATORS);
        on(RecordKind.FLAG, Operation.UPDATE).to(IN_REGION, REGULATORS);
        on(RecordKind.FLAG, Operation.RUN).to(ANY, OPERATOR).to(IN_REGION, REGULATORS);
        on(RecordKind.FEED, Operation.READ).to(ANY, OPERATOR).to(IN_REGION_OR_ITS_CITY, FEED_READER);
        // an attempt lies in the class's city and in its learner's county
        on(RecordKind.EXAM_ATTEMPT, Operation.READ).to(SELF, LEARNER).to(ANY, OPERATOR)
                .to(OWN_INSTITUTION, INSTITUTION).to(IN_REGION, REGULATORS);
        for (Operation taking : List.of(Operation.CREATE, Operation.UPDATE)) {
            on(RecordKind.EXAM_ATTEMPT, taking).to(SELF, LEARNER);
        }
        for (Operation studying : List.of(Operation.READ, Operation.CREATE, Operation.UPDATE)) {
            on(RecordKind.STUDY_SESSION, studying).to(SELF, LEARNER);
        }
        on(RecordKind.QUESTION_BANK, Operation.READ).to(ANY, OPERATOR).to(OWN_INSTITUTION, INSTITUTION);
        on(RecordKind.PROVINCE_QUESTION_BANK, Operation.READ).to(ANY, OPERATOR, INSTITUTION_ADMIN, INSTITUTION_STAFF);
        for (Operation change : List.of(Operation.CREATE, Operation.UPDATE)) {
            on(RecordKind.QUESTION_BANK, change).to(OWN_INSTITUTION, INSTITUTION);
            on(RecordKind.PROVINCE_QUESTION_BANK, change).to(ANY, OPERATOR);
        }

        on(RecordKind.LEDGER, Operation.READ).to(SELF, LEARNER).to(ANY, OPERATOR)
                .to(OWN_INSTITUTION, INSTITUTION_ADMIN).to(IN_REGION, REGULATORS);
        for (Operation keeping : List.of(Operation.CREATE, Operation.UPDATE, Operation.RUN)) {
            on(RecordKind.LEDGER, keeping).to(ANY, OPERATOR);
        }
        on(RecordKind.CERTIFICATE, Operation.CREATE).to(SELF, LEARNER).to(OWN_INSTITUTION, INSTITUTION_ADMIN);
        on(RecordKind.CERTIFICATE, Operation.READ).to(SELF, LEARNER).to(ANY, OPERATOR)
                .to(OWN_INSTITUTION, INSTITUTION).to(IN_REGION, REGULATORS);
        on(RecordKind.CERTIFICATE, Operation.EXPORT).to(ANY, OPERATOR).to(OWN_INSTITUTION, INSTITUTION_ADMIN)
                .to(IN_REGION, REGULATORS);
        on(RecordKind.CERTIFICATE, Operation.REVOKE).to(ANY, OPERATOR).to(IN_REGION, CITY_REGULATOR);
        on(RecordKind.ARCHIVE, Operation.READ).to(SELF, LEARNER).to(ANY, OPERATOR)
                .to(OWN_INSTITUTION, INSTITUTION_ADMIN).to(IN_REGION, REGULATORS);
        on(RecordKind.ARCHIVE, Operation.RUN).to(ANY, OPERATOR);
        on(RecordKind.LEGAL_HOLD, Operation.CREATE).to(IN_REGION, REGULATORS);
        on(RecordKind.LEGAL_HOLD, Operation.DELETE).to(IN_REGION, REGULATORS);
        on(RecordKind.HANDOVER, Operation.EXPORT).to(OWN_INSTITUTION, INSTITUTION_ADMIN).to(ANY, OPERATOR)
                .to(IN_REGION, PROVINCE_REGULATOR, CITY_REGULATOR);
        on(RecordKind.HANDOVER, Operation.IMPORT).to(ANY, OPERATOR);
        on(RecordKind.HANDOVER, Operation.READ).to(ANY, OPERATOR).to(ANY, REGULATORS);
        on(RecordKind.IMPORTED_ARCHIVE, Operation.READ).to(ANY, OPERATOR).to(IN_REGION, REGULATORS);
        for (Operation backing : List.of(Operation.READ, Operation.CREATE)) {
            on(RecordKind.BACKUP, backing).to(ANY, OPERATOR, PLATFORM_ADMIN);
        }
        // a ticket is about the account that opened it; the operator's staff are the support staff
        on(RecordKind.SUPPORT_TICKET, Operation.CREATE).to(SELF, OPENERS);
        on(RecordKind.SUPPORT_TICKET, Operation.READ).to(SELF, OPENERS).to(ANY, OPERATOR);
        on(RecordKind.SUPPORT_TICKET, Operation.UPDATE).to(SELF, OPENERS).to(ANY, OPERATOR);
        for (Operation supporting : List.of(Operation.DECIDE, Operation.RUN)) {
            on(RecordKind.SUPPORT_TICKET, supporting).to(ANY, OPERATOR);
        }
        for (Operation keeping : List.of(Operation.READ, Operation.UPDATE)) {
            on(RecordKind.WORKING_CALENDAR, keeping).to(ANY, OPERATOR);
        }
    }

    private AccessRules() {
    }

    /** The grants for the operation on records of the kind; none if the table has none. */
    static List<Grant> grants(RecordKind kind, Operation operation) {
        return Collections.unmodifiableList(TABLE.getOrDefault(kind, Map.of()).getOrDefault(operation, List.of()));
    }

    private static Row on(RecordKind kind, Operation operation) {
        List<Grant> grants = new ArrayList<>();
        if (TABLE.computeIfAbsent(kind, k -> new EnumMap<>(Operation.class)).put(operation, grants) != null) {
            throw new IllegalStateException(kind + " " + operation + " is granted twice");
        }
        return new Row(grants);
    }

    private record Row(List<Grant> grants) {
        Row to(Relation relation, Role... roles) {
            for (Role role : roles) {
                grants.add(new Grant(role, relation));
            }
            return this;
        }
    }
}
