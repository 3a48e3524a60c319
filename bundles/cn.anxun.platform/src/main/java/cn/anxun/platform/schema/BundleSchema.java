package cn.anxun.platform.schema;

/**
 * One bundle's tables.
 *
 * @param bundle the bundle's symbolic name and version
 * @param status where its tables stand
 * @param applied changesets recorded as run in the database
 * @param detail why the tables cannot be used, or {@code null}
 */
public record BundleSchema(String bundle, Status status, int applied, String detail) {

    /** Where a bundle's tables stand. */
    public enum Status {
        /** The tables match the bundle's changelog; its persistence unit may open. */
        CURRENT,
        /** The database holds changes the bundle does not know: it was written by a newer version. */
        NEWER,
        /** The migration failed; nothing of the failed changeset was kept. */
        FAILED
    }
}
