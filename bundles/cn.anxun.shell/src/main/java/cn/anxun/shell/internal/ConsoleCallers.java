package cn.anxun.shell.internal;

import java.util.UUID;

import org.apache.karaf.shell.api.console.Session;

import cn.anxun.identity.Caller;

/** The console's user as the platform's services know a caller: trusted, and named in the audit log. */
final class ConsoleCallers {

    private ConsoleCallers() {
    }

    static Caller of(Session session) {
        Object user = session.get("USER");
        return Caller.console(user == null ? "console" : user.toString(), UUID.randomUUID().toString());
    }
}
