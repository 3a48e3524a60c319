package cn.anxun.identity;

/**
 * A staff account to create; its first password is generated and shown once.
 *
 * @param username 3 to 32 lower-case letters, digits, '.', '-' or '_', starting with a letter
 * @param displayName the name shown to others, e.g. 广州市应急管理局 张三
 */
public record NewStaffAccount(String username, String displayName, StaffGrant grant) {
}
