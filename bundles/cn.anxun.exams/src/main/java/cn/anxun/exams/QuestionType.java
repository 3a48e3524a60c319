package cn.anxun.exams;

/** The kinds of question of safety-training tests, with the names spreadsheets give them. */
public enum QuestionType {
    /** 判断: the answer is A (正确, true) or B (错误, false). */
    TRUE_FALSE("判断"),
    /** 单选: one option is right. */
    SINGLE_CHOICE("单选"),
    /** 多选: two or more options are right, and all of them must be chosen. */
    MULTIPLE_CHOICE("多选");

    private final String label;

    QuestionType(String label) {
        this.label = label;
    }

    /** The name a spreadsheet gives the type. */
    public String label() {
        return label;
    }
}
