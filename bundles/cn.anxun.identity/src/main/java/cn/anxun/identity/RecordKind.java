package cn.anxun.identity;

/**
 * The kinds of record the access policy decides about. Each has the label its audit actions and targets use.
 *
 * @since 1.8
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
    CITY_MODULE("city-module");

    private final String label;

    RecordKind(String label) {
        this.label = label;
    }

    /** How the kind is written in audit actions and targets. */
    public String label() {
        return label;
    }
}
