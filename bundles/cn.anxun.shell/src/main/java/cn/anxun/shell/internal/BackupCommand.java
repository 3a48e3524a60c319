package cn.anxun.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

import cn.anxun.backup.Backup;
import cn.anxun.backup.Backups;
import cn.anxun.identity.Caller;

/** A backup on demand, as the operator API takes it, waited for at the console. */
@Service
@Command(scope = "anxun", name = "backup",
        description = "Takes a backup of the database, the media and the keys now and waits for its end; audited")
public class BackupCommand implements Action {

    @Reference
    private Backups backups;

    @Reference
    private Session session;

    @Override
    public Object execute() throws Exception {
        Caller caller = ConsoleCallers.of(session);
        Backup started = backups.start(caller);
        System.out.println("Backup " + started.id() + " started; waiting for its end (Ctrl-C leaves it running) ...");
        Backup ended = backups.ended(caller, started.id()).toCompletableFuture().get();
        if (ended.state() == Backup.State.FAILED) {
            System.out.println("Backup " + ended.id() + " failed: " + ended.failure());
        } else {
            System.out.println("Backup " + ended.id() + " complete: " + ended.databaseBytes() + " bytes of "
                    + ended.database() + ", " + ended.files() + " files (" + ended.linkedFiles()
                    + " linked to the previous backup)");
            System.out.println("  in   " + ended.folder());
            System.out.println("  keys " + ended.keysFolder());
        }
        return null;
    }
}
