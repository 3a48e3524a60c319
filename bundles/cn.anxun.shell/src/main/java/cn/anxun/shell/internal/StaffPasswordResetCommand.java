package cn.anxun.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

import cn.anxun.identity.Caller;
import cn.anxun.identity.OneTimePassword;
import cn.anxun.identity.StaffAccount;
import cn.anxun.identity.StaffAccounts;

/** The way back in when the last platform administrator's password is lost: the console is trusted with it. */
@Service
@Command(scope = "anxun", name = "staff-password-reset",
        description = "Gives a staff account (e.g. admin) a new one-time password and ends its sessions; audited")
public class StaffPasswordResetCommand implements Action {

    @Reference
    private StaffAccounts staff;

    @Reference
    private Session session;

    @Argument(name = "username", description = "user name of the staff account, e.g. admin", required = true)
    private String username;

    @Override
    public Object execute() {
        Caller caller = ConsoleCallers.of(session);
        StaffAccount account = staff.list(caller).stream().filter(a -> a.username().equals(username)).findFirst()
                .orElse(null);
        if (account == null) {
            System.out.println("There is no staff account '" + username + "'.");
            return null;
        }
        OneTimePassword password = staff.resetPassword(caller, account.id());
        System.out.println("One-time password of " + username + ": " + password.password());
        System.out.println("Hand it over in person; it is not shown again. Log in and change it with POST /api/v1/me/password.");
        return null;
    }
}
