package cn.anxun.identity;

/** A generated password, shown once to the staff member who asked for it, for the account holder. */
public record OneTimePassword(String accountId, String password) {

    @Override
    public String toString() {
        return "OneTimePassword[" + accountId + "]";
    }
}
