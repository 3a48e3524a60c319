package cn.anxun.platform.schema.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.anxun.platform.schema.Schemas;

/**
 * What a bundle's {@value Schemas#HEADER} header says: where its changelog is and what its history tables are called.
 * Each bundle keeps its own history, so that bundles come and go without reading each other's changesets.
 */
record Changelog(String path, String history) {

    /** Letters and digits only: Derby mishandles an underscore in the history table's name. */
    private static final Pattern HEADER = Pattern.compile("\\s*([^;\\s]+)\\s*;\\s*history\\s*=\\s*([A-Z][A-Z0-9]{0,39})\\s*");

    static Changelog parse(String header) {
        Matcher matcher = HEADER.matcher(header);
        if (!matcher.matches()) {
            throw new IllegalArgumentException(Schemas.HEADER + " must read 'path/to/changelog.xml;history=NAME' with NAME"
                    + " in capitals and digits, not '" + header + "'");
        }
        return new Changelog(matcher.group(1), matcher.group(2));
    }

    String historyTable() {
        return history + "CHANGELOG";
    }

    String lockTable() {
        return history + "CHANGELOGLOCK";
    }
}
