package cn.anxun.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.table.ShellTable;

import cn.anxun.backup.Backup;
import cn.anxun.backup.Backups;
import cn.anxun.identity.Caller;

@Service
@Command(scope = "anxun", name = "backups",
        description = "Lists the backups: the one running, the last that failed, and the kept ones")
public class BackupsCommand implements Action {

    @Reference
    private Backups backups;

    @Reference
    private Session session;

    @Override
    public Object execute() {
        Caller caller = ConsoleCallers.of(session);
        ShellTable table = new ShellTable();
        table.column("Backup");
        table.column("State");
        table.column("Ended");
        table.column("Database");
        table.column("Bytes").alignRight();
        table.column("Files").alignRight();
        table.column("Ledger entries").alignRight();
        table.column("Folder");
        for (Backup backup : backups.list(caller)) {
            table.addRow().addContent(backup.id(), backup.state(), Times.format(backup.ended()),
                    backup.database() == null ? "" : backup.database(), backup.databaseBytes(), backup.files(),
                    backup.checkpoint() == null ? "" : backup.checkpoint().treeSize(),
                    backup.failure() == null ? backup.folder() : backup.failure());
        }
        table.print(System.out);
        return null;
    }
}
