package cn.anxun.exams.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import cn.anxun.exams.Difficulty;
import cn.anxun.exams.Question;
import cn.anxun.exams.QuestionType;
import cn.anxun.identity.InvalidInputException;
import cn.anxun.identity.Violation;
import cn.anxun.sheets.Sheet;

/**
 * Questions as the rows of a sheet: one question a row, under a header row that names the columns as institutions'
 * spreadsheets do (题型, 题目, 选项A … 选项H, 答案, 解析, 知识点, 难度, and 编号 for the question's code). A sheet
 * is read whole: every broken rule is named by its cell ({@code D7}, line 7 of column D), and one broken rule refuses
 * the sheet.
 */
final class QuestionSheet {

    static final int MAX_OPTIONS = 8;
    static final List<String> TRUE_FALSE_OPTIONS = List.of("正确", "错误");
    static final int MAX_CODE = 32;
    static final int MAX_TEXT = 2000;
    static final int MAX_OPTION = 500;
    static final int MAX_KNOWLEDGE_POINT = 100;

    private static final String LETTERS = "ABCDEFGH";
    private static final int MAX_VIOLATIONS = 100;
    /** A title row or two may stand above the header. */
    private static final int HEADER_SEARCH = 5;
    private static final Pattern OPTION = Pattern.compile("(?:选项|option)?([a-h])");
    private static final Map<String, String> NAMES = values(Map.of(
            "code", "编号 题号 试题编号 code",
            "type", "题型 类型 试题类型 type",
            "text", "题目 题干 试题 试题内容 question text",
            "answer", "答案 正确答案 标准答案 answer",
            "explanation", "解析 答案解析 试题解析 explanation",
            "knowledgePoint", "知识点 knowledgepoint",
            "difficulty", "难度 难易程度 难易度 difficulty"));
    private static final Map<String, QuestionType> TYPES = values(Map.of(
            QuestionType.TRUE_FALSE, "判断 判断题 是非 是非题 true_false",
            QuestionType.SINGLE_CHOICE, "单选 单选题 单项选择 单项选择题 single_choice",
            QuestionType.MULTIPLE_CHOICE, "多选 多选题 多项选择 多项选择题 multiple_choice"));
    private static final Map<String, Difficulty> DIFFICULTIES = values(Map.of(
            Difficulty.EASY, "易 简单 容易 较易 1 easy",
            Difficulty.MEDIUM, "中 中等 一般 适中 2 medium",
            Difficulty.HARD, "难 困难 较难 3 hard"));
    private static final Map<String, String> TRUE_FALSE = values(Map.of(
            "A", "a 正确 对 √ ✓ ✔ t true 是 y yes",
            "B", "b 错误 错 × ✗ ✘ x f false 否 n no"));

    /** Which column holds what; {@code -1} where the sheet has no such column. */
    private record Layout(int line, Map<String, Integer> columns, int[] options) {

        int column(String key) {
            return columns.getOrDefault(key, -1);
        }
    }

    private QuestionSheet() {
    }

    /** The header row of an export, in the order {@link #row} fills. */
    static List<String> header() {
        List<String> header = new ArrayList<>(List.of("编号", "题型", "题目"));
        LETTERS.chars().forEach(letter -> header.add("选项" + (char) letter));
        header.addAll(List.of("答案", "解析", "知识点", "难度"));
        return header;
    }

    static List<String> row(Question question) {
        List<String> row = new ArrayList<>(List.of(question.code(), question.type().label(), question.text()));
        boolean trueFalse = question.type() == QuestionType.TRUE_FALSE;
        IntStream.range(0, MAX_OPTIONS).forEach(i -> row.add(trueFalse || i >= question.options().size() ? ""
                : question.options().get(i)));
        row.add(trueFalse ? TRUE_FALSE_OPTIONS.get(question.answer().charAt(0) - 'A') : question.answer());
        row.add(blankIfNull(question.explanation()));
        row.add(blankIfNull(question.knowledgePoint()));
        row.add(question.difficulty().label());
        return row;
    }

    /** The questions of the sheet's rows, in order; or the refusal naming every broken rule. */
    static List<QuestionEntry> read(List<Sheet.Line> lines) {
        Layout layout = layout(lines);
        List<Violation> violations = new ArrayList<>();
        List<QuestionEntry> entries = new ArrayList<>();
        Map<String, Integer> codes = new HashMap<>();
        for (Sheet.Line line : lines) {
            if (line.number() <= layout.line()) {
                continue;
            }
            if (line.number() >= Sheet.MAX_LINES) {
                violations.add(new Violation("file", "max-rows", "has more than " + (Sheet.MAX_LINES - 1)
                        + " lines; split it"));
                break;
            }
            QuestionEntry entry = new RowReader(layout, line, violations).entry();
            if (entry.code() != null) {
                Integer earlier = codes.putIfAbsent(entry.code(), line.number());
                if (earlier != null) {
                    violations.add(violation(layout.column("code"), line.number(), "unique-in-file", "编号",
                            "is the code of line " + earlier + " as well"));
                }
            }
            entries.add(entry);
        }
        if (entries.isEmpty()) {
            violations.add(new Violation("file", "rows", "has no question below its header row"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations.size() <= MAX_VIOLATIONS ? violations : bounded(violations));
        }
        return entries;
    }

    private static List<Violation> bounded(List<Violation> violations) {
        List<Violation> shown = new ArrayList<>(violations.subList(0, MAX_VIOLATIONS));
        shown.add(new Violation("file", "more-violations", "has " + (violations.size() - MAX_VIOLATIONS)
                + " more broken rules than those named"));
        return shown;
    }

    private static Layout layout(List<Sheet.Line> lines) {
        for (Sheet.Line line : lines.subList(0, Math.min(HEADER_SEARCH, lines.size()))) {
            Map<String, Integer> columns = new HashMap<>();
            int[] options = new int[MAX_OPTIONS];
            Arrays.fill(options, -1);
            for (int column = 0; column < line.cells().size(); column++) {
                String name = normalised(line.cells().get(column)).replace("*", "");
                Matcher option = OPTION.matcher(name);
                if (option.matches()) {
                    options[option.group(1).charAt(0) - 'a'] = column;
                } else if (NAMES.containsKey(name)) {
                    columns.putIfAbsent(NAMES.get(name), column);
                }
            }
            if (columns.containsKey("type") && columns.containsKey("text")) {
                if (!columns.containsKey("answer")) {
                    throw new InvalidInputException("line " + line.number(), "required-column", "is the header "
                            + "row and needs a column 答案 (answer)");
                }
                return new Layout(line.number(), columns, options);
            }
        }
        throw new InvalidInputException("file", "header", "starts with a header row naming at least the columns "
                + "题型, 题目 and 答案 (type, question, answer), and 选项A, 选项B … for the options");
    }

    /** Reads one row, adding a violation for each broken rule. */
    private static final class RowReader {

        private final Layout layout;
        private final Sheet.Line line;
        private final List<Violation> violations;

        RowReader(Layout layout, Sheet.Line line, List<Violation> violations) {
            this.layout = layout;
            this.line = line;
            this.violations = violations;
        }

        QuestionEntry entry() {
            String code = text("code", "编号", MAX_CODE, false);
            if (code != null && code.chars().anyMatch(Character::isWhitespace)) {
                broken("code", "编号", "code", "has no spaces");
            }
            QuestionType type = TYPES.get(normalised(cell("type")));
            if (type == null) {
                broken("type", "题型", "one-of", "is 判断, 单选 or 多选");
            }
            String text = text("text", "题目", MAX_TEXT, true);
            List<String> options = type == QuestionType.TRUE_FALSE ? trueFalseOptions() : options(type);
            String answer = type == null ? null : answer(type, options.size());
            String explanation = text("explanation", "解析", MAX_TEXT, false);
            String knowledgePoint = text("knowledgePoint", "知识点", MAX_KNOWLEDGE_POINT, false);
            String level = normalised(cell("difficulty"));
            Difficulty difficulty = level.isEmpty() ? Difficulty.MEDIUM : DIFFICULTIES.get(level);
            if (difficulty == null) {
                broken("difficulty", "难度", "one-of", "is 易, 中 or 难, or empty for 中");
            }
            return new QuestionEntry(code, type, text, options, answer, explanation, knowledgePoint, difficulty);
        }

        private List<String> options(QuestionType type) {
            List<String> options = new ArrayList<>();
            int gap = -1;
            for (int i = 0; i < MAX_OPTIONS; i++) {
                String option = oneLine(line.cell(layout.options()[i]));
                if (option.isEmpty()) {
                    gap = gap < 0 ? i : gap;
                    continue;
                }
                if (gap >= 0) {
                    violations.add(violation(layout.options()[gap], line.number(), "no-gap", "选项" + LETTERS
                            .charAt(gap), "is empty while a later option is not"));
                    gap = -1;
                }
                if (option.length() > MAX_OPTION) {
                    violations.add(violation(layout.options()[i], line.number(), "max-length", "选项" + LETTERS
                            .charAt(i), "has at most " + MAX_OPTION + " characters"));
                }
                if (options.contains(option)) {
                    violations.add(violation(layout.options()[i], line.number(), "unique-option", "选项" + LETTERS
                            .charAt(i), "differs from the other options"));
                }
                options.add(option);
            }
            int least = type == QuestionType.MULTIPLE_CHOICE ? 3 : 2;
            if (type != null && options.size() < least) {
                violations.add(violation(layout.options()[options.size()], line.number(), "min-options",
                        "选项" + LETTERS.charAt(options.size()), "is needed: a " + type.label() + "题 has at least "
                        + least + " options"));
            }
            return options;
        }

        /** A true/false question's option columns are empty, or say 正确 and 错误. */
        private List<String> trueFalseOptions() {
            for (int i = 0; i < MAX_OPTIONS; i++) {
                String option = normalised(line.cell(layout.options()[i]));
                boolean fits = option.isEmpty() || i < 2 && ("AB".charAt(i) + "").equals(TRUE_FALSE.get(option));
                if (!fits) {
                    violations.add(violation(layout.options()[i], line.number(), "true-false-options", "选项"
                            + LETTERS.charAt(i), "of a 判断题 is empty, or 正确 (A) and 错误 (B)"));
                }
            }
            return TRUE_FALSE_OPTIONS;
        }

        private String answer(QuestionType type, int options) {
            String raw = normalised(cell("answer"));
            if (type == QuestionType.TRUE_FALSE) {
                String answer = TRUE_FALSE.get(raw);
                if (answer == null) {
                    broken("answer", "答案", "true-false", "of a 判断题 is 正确 or 错误 (also 对/错, √/×, A/B)");
                }
                return answer;
            }
            Set<Character> letters = new TreeSet<>();
            for (char c : raw.replaceAll("[\\s,，、;；/]", "").toUpperCase(Locale.ROOT).toCharArray()) {
                if (LETTERS.indexOf(c) < 0 || LETTERS.indexOf(c) >= options) {
                    broken("answer", "答案", "option-letters", "names options by their letters, A to "
                            + LETTERS.charAt(Math.max(options, 1) - 1) + " here");
                    return null;
                }
                letters.add(c);
            }
            boolean single = type == QuestionType.SINGLE_CHOICE;
            if (single ? letters.size() != 1 : letters.size() < 2) {
                broken("answer", "答案", single ? "one-answer" : "two-answers-or-more", single
                        ? "of a 单选题 is one letter" : "of a 多选题 is two letters or more");
                return null;
            }
            StringBuilder answer = new StringBuilder();
            letters.forEach(answer::append);
            return answer.toString();
        }

        private String text(String key, String name, int max, boolean required) {
            String value = cell(key);
            if (value.isEmpty()) {
                if (required) {
                    broken(key, name, "required", "is required");
                }
                return null;
            }
            if (value.length() > max) {
                broken(key, name, "max-length", "has at most " + max + " characters");
            }
            return value;
        }

        private String cell(String key) {
            return line.cell(layout.column(key));
        }

        private void broken(String key, String name, String rule, String message) {
            violations.add(violation(layout.column(key), line.number(), rule, name, message));
        }
    }

    private static Violation violation(int column, int line, String rule, String name, String message) {
        String where = column < 0 ? "line " + line : "line " + line + ", column " + columnLetter(column);
        return new Violation(column < 0 ? "line " + line : columnLetter(column) + line, rule, where + " (" + name
                + "): " + message);
    }

    /** A, B, … Z, AA, AB, … as spreadsheets name columns. */
    static String columnLetter(int column) {
        StringBuilder letters = new StringBuilder();
        for (int n = column + 1; n > 0; n = (n - 1) / 26) {
            letters.insert(0, (char) ('A' + (n - 1) % 26));
        }
        return letters.toString();
    }

    private static String oneLine(String cell) {
        return cell.replaceAll("\\s+", " ").strip();
    }

    private static String normalised(String cell) {
        return Normalizer.normalize(cell, Normalizer.Form.NFKC).replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
    }

    private static String blankIfNull(String value) {
        return value == null ? "" : value;
    }

    private static <T> Map<String, T> values(Map<T, String> spellings) {
        Map<String, T> values = new HashMap<>();
        spellings.forEach((value, names) -> Arrays.stream(names.split(" ")).forEach(name -> values.put(name, value)));
        return Map.copyOf(values);
    }
}
