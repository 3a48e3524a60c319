package cn.anxun.backup;

import java.time.Instant;

/**
 * One backup: a folder named by its {@code id} under the backups' location, its keys under the keys' location.
 *
 * @param id when it started, in UTC, as {@code yyyyMMdd'T'HHmmss.SSS'Z'}
 * @param database {@code derby} or {@code postgresql}
 * @param checkpoint the ledger's checkpoint signed before the database was copied: every entry it holds is in the
 *        backup; {@code null} while the ledger is empty
 * @param files files copied beside the database, and those of them linked to the previous backup's copy
 * @param failure why it failed; {@code null} unless {@link State#FAILED}
 */
public record Backup(String id, State state, Instant started, Instant ended, String database, long databaseBytes,
        Checkpoint checkpoint, long files, long linkedFiles, long fileBytes, String folder, String keysFolder,
        String failure) {

    public enum State { RUNNING, COMPLETE, FAILED }

    /** The ledger's size and root (hex) at the backup. */
    public record Checkpoint(long treeSize, String rootHash) {
    }
}
