package cn.anxun.identity;

/** What an account may do on the platform. */
public enum Role {
    /** 学员: studies; sees only themself. */
    LEARNER(Binding.NONE),
    /** Manages staff accounts and their roles. */
    PLATFORM_ADMIN(Binding.NONE),
    /** 平台运营/审核: runs the platform, reviews courses, helps learners (password reset). */
    OPERATOR(Binding.NONE),
    /** 培训机构管理员: administers one training institution, resets its learners' passwords. */
    INSTITUTION_ADMIN(Binding.INSTITUTION),
    /** 培训机构工作人员: works for one training institution. */
    INSTITUTION_STAFF(Binding.INSTITUTION),
    /** 省应急管理厅: supervises the whole province; reads the audit log. */
    PROVINCE_REGULATOR(Binding.REGION),
    /** 地级以上市应急管理局: supervises one city. */
    CITY_REGULATOR(Binding.REGION),
    /** 县（市、区）应急管理部门: supervises one county-level division. */
    COUNTY_REGULATOR(Binding.REGION),
    /** Reads the audit log. */
    AUDITOR(Binding.NONE),
    /**
     * 监管平台数据接口: the provincial or a city's supervision platform, a program that reads the data feed of its
     * region with client credentials; it never logs in as a person.
     *
     * @since 2.4
     */
    FEED_READER(Binding.REGION);

    /** What a staff account in this role must be bound to. */
    public enum Binding { NONE, INSTITUTION, REGION }

    private final Binding binding;

    Role(Binding binding) {
        this.binding = binding;
    }

    public Binding binding() {
        return binding;
    }
}
