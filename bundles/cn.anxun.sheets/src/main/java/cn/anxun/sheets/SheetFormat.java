package cn.anxun.sheets;

/** The formats tables are written in; {@link Sheet} reads both, and the older {@code .xls} as well. */
public enum SheetFormat {
    /** An Excel workbook ({@code .xlsx}). */
    XLSX(SheetFormat.XLSX_TYPE, "xlsx"),
    /** CSV in UTF-8 with a byte order mark, which Excel opens as UTF-8. */
    CSV("text/csv", "csv");

    /** The media type of {@link #XLSX}, for annotations. */
    public static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

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
