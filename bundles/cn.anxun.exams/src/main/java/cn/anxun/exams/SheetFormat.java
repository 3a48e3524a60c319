package cn.anxun.exams;

/** The file formats of a bank's export; an import reads both, and the older {@code .xls} as well. */
public enum SheetFormat {
    /** An Excel workbook ({@code .xlsx}). */
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    /** CSV in UTF-8 with a byte order mark, which Excel opens as UTF-8. */
    CSV("text/csv", "csv");

    private final String mediaType;
    private final String extension;

    SheetFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }
}
