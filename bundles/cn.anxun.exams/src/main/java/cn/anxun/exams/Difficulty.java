package cn.anxun.exams;

/** How hard a question is, as a test's blueprint draws it. */
public enum Difficulty {
    EASY("易"), MEDIUM("中"), HARD("难");

    private final String label;

    Difficulty(String label) {
        this.label = label;
    }

    /** The name a spreadsheet gives the level. */
    public String label() {
        return label;
    }
}
