package cn.anxun.identity;

/**
 * The kinds of record the access policy decides about. Each has the label its audit actions and targets use.
 *
 * @since 2.0
 */
public enum RecordKind {
    /** A learner's account and registration, ID number masked. */
    LEARNER("learner"),
    /** A learner's full ID number. */
    PERSONAL_DATA("personal-data"),
    /** A learner's reference face photo. */
    FACE_PHOTO("face-photo"),
    /** A learner's password. */
    PASSWORD("password"),
    /** A staff account, its roles and password. */
    STAFF_ACCOUNT("staff"),
    /** The audit log. */
    AUDIT_LOG("audit"),
    /** An institution's registration with a city (备案) and the city's list of them. */
    REGISTRATION("registration"),
    /** A city's register of institutions that train offline. */
    OFFLINE_REGISTER("offline-register"),
    /** An institution's own records: its documents and the list of its registrations. */
    INSTITUTION_RECORDS("institution"),
    /** Statistics over the province's registrations. */
    PROVINCE_REPORT("province-report"),
    /** A course with its units and review history. */
    COURSE("course"),
    /** A course's review history: submissions, decisions, spot checks, takedowns. */
    COURSE_REVIEW("course-review"),
    /** Learners' ratings and feedback on courses. */
    COURSE_FEEDBACK("course-feedback"),
    /** A training programme (大纲) of the province. */
    PROGRAMME("programme"),
    /** An uploaded medium and its validation findings. */
    MEDIA("media"),
    /** Validations parked for want of a validator, and the platform's jobs. */
    PLATFORM_JOBS("jobs"),
    /** A learner's face checks. */
    FACE_CHECK("face-checks"),
    /** The photograph taken at one face check. */
    FACE_CAPTURE("face-capture"),
    /** A city module: install and remove. */
    CITY_MODULE("city-module"),
    /** A training class: its courses, dates, test and enrolment. */
    CLASS("class"),
    /** What a class's learners did: the roster, progress, test results and statistics, the class's archive. */
    CLASS_RECORDS("class-records"),
    /**
     * A learner's enrolment in a class and how far it has got: hours credited, the test, the certificate; what
     * supervision lists and counts.
     *
     * @since 2.1
     */
    ENROLMENT("enrolment"),
    /**
     * A regulator's finding against an institution's record, with its rectification.
     *
     * @since 2.2
     */
    FINDING("finding"),
    /**
     * A suspicious pattern found in the records, kept for the regulators of its region.
     *
     * @since 2.2
     */
    FLAG("flag"),
    /** A learner's study-hour ledger, progress and proofs; the ledger's checkpoints and checks. */
    LEDGER("ledger"),
    /** A learner's study session: heartbeats, presence and face checks while studying. */
    STUDY_SESSION("study-session"),
    /** A learner's attempt at a class's test. */
    EXAM_ATTEMPT("exam-attempt"),
    /** An institution's question bank. */
    QUESTION_BANK("question-bank"),
    /** The province's question bank, which every institution draws on. */
    PROVINCE_QUESTION_BANK("province-question-bank"),
    /** A study-hour certificate (合格证明). */
    CERTIFICATE("certificate"),
    /** A learner's archive (一人一档) and its retention. */
    ARCHIVE("archive"),
    /** A handover package of an institution's archives, and the packages taken over. */
    HANDOVER("handover"),
    /** An archive taken over from another platform. */
    IMPORTED_ARCHIVE("imported-archive"),
    /** A regulator's legal hold on a learner's archive. */
    LEGAL_HOLD("legal-hold"),
    /** The platform's backups. */
    BACKUP("backup"),
    /**
     * A support ticket and its conversation; the support staff's report of their deadlines.
     *
     * @since 2.2
     */
    SUPPORT_TICKET("support-ticket"),
    /**
     * The working-day calendar: public holidays and the weekend days worked in their exchange.
     *
     * @since 2.2
     */
    WORKING_CALENDAR("working-calendar"),
    /**
     * The data feed of a region, for the supervision platforms that read it.
     *
     * @since 2.4
     */
    FEED("feed"),
    /**
     * A plugin of the distribution (city module, face provider, course-format validator, staff sign-on): installed
     * or removed on every node.
     *
     * @since 2.7
     */
    PLUGIN("plugin");

    private final String label;

    RecordKind(String label) {
        this.label = label;
    }

    /** How the kind is written in audit actions and targets. */
    public String label() {
        return label;
    }
}
