package cn.anxun.identity;

import java.util.Locale;
import java.util.regex.Pattern;

/** Names of uploaded files, kept for people and sent back in downloads. */
public final class FileNames {

    /** No path, no control or format character (such as a right-to-left override that disguises an extension). */
    private static final Pattern NAME = Pattern.compile("[^/\\\\\\p{Cc}\\p{Cf}]{1,96}");

    private FileNames() {
    }

    /**
     * The name, stripped, or {@code fallback} for none; ending in {@code extension} when one is given.
     *
     * @throws InvalidInputException rule {@code file-name} on {@code field}
     */
    public static String checked(String field, String name, String fallback, String extension) {
        String kept = name == null || name.isBlank() ? fallback : name.strip();
        if (kept == null) {
            throw new InvalidInputException(field, "required", "is the file's name");
        }
        if (!NAME.matcher(kept).matches()) {
            throw new InvalidInputException(field, "file-name", "must be 1 to 96 characters without a path "
                    + "separator, control or format character");
        }
        return extension == null || kept.toLowerCase(Locale.ROOT).endsWith(extension) ? kept : kept + extension;
    }
}
