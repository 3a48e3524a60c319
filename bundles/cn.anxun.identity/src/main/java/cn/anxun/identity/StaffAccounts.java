package cn.anxun.identity;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/** Staff accounts, managed by the platform administrator. */
@ProviderType
public interface StaffAccounts {

    /** Creates an account and generates its first password. */
    OneTimePassword create(Caller caller, NewStaffAccount account);

    List<StaffAccount> list(Caller caller);

    StaffAccount get(Caller caller, String accountId);

    /** Replaces the roles and bindings of an account; its sessions end. */
    StaffAccount grant(Caller caller, String accountId, StaffGrant grant);

    /** A new password for a staff member; their sessions end. */
    OneTimePassword resetPassword(Caller caller, String accountId);

    /**
     * Refuses every login of the account from now on and ends its sessions; the account and its records stay.
     *
     * @since 1.4
     */
    StaffAccount disable(Caller caller, String accountId, String reason);

    /**
     * Lets the account log in again.
     *
     * @since 1.4
     */
    StaffAccount enable(Caller caller, String accountId);
}
