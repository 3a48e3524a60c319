package cn.anxun.identity;

/** The personnel category a learner trains for (Art. 2 of 粤应急规〔2022〕3号). */
public enum PersonnelCategory {
    /** 主要负责人 of a high-risk unit. */
    PRINCIPAL_LEADER,
    /** 安全生产管理人员 of a high-risk unit. */
    SAFETY_MANAGER,
    /** 特种作业人员; the operation type is then required. */
    SPECIAL_OPERATION
}
