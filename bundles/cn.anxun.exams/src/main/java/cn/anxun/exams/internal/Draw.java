package cn.anxun.exams.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import cn.anxun.exams.ExamSection;
import cn.anxun.exams.Question;
import cn.anxun.exams.QuestionType;

/**
 * A learner's own questions: for each section of the blueprint, questions drawn at random from those that fit it and
 * were not drawn for an earlier section; then all of them shuffled, and the options of each choice question too.
 */
final class Draw {

    /** A question drawn, the order of its options as shown (indexes of its own order), and its points. */
    record Drawn(Question question, String optionOrder, int points) {
    }

    private Draw() {
    }

    /**
     * How many questions are left for a section once the sections drawn before it took theirs: the narrower
     * sections (knowledge point and difficulty) draw first, so that a wide one does not take what they need.
     */
    static int fits(List<Question> questions, List<ExamSection> sections, ExamSection section) {
        Set<String> taken = new HashSet<>();
        for (ExamSection earlier : narrowestFirst(sections)) {
            if (earlier == section) {
                break;
            }
            fitting(questions, earlier, taken).stream().limit(earlier.count()).forEach(question -> taken.add(
                    question.id()));
        }
        return fitting(questions, section, taken).size();
    }

    /** The draw; {@code null} when a section cannot be filled. */
    static List<Drawn> draw(List<Question> questions, List<ExamSection> sections, Random random) {
        Set<String> taken = new HashSet<>();
        List<Drawn> drawn = new ArrayList<>();
        for (ExamSection section : narrowestFirst(sections)) {
            List<Question> fitting = new ArrayList<>(fitting(questions, section, taken));
            if (fitting.size() < section.count()) {
                return null;
            }
            Collections.shuffle(fitting, random);
            for (Question question : fitting.subList(0, section.count())) {
                taken.add(question.id());
                drawn.add(new Drawn(question, order(question, random), section.points()));
            }
        }
        Collections.shuffle(drawn, random);
        return drawn;
    }

    private static List<ExamSection> narrowestFirst(List<ExamSection> sections) {
        return sections.stream().sorted(Comparator.comparingInt(section -> (section.knowledgePoint() == null ? 1 : 0)
                + (section.difficulty() == null ? 1 : 0))).toList();
    }

    private static String order(Question question, Random random) {
        List<Integer> order = IntStream.range(0, question.options().size()).boxed().collect(Collectors.toList());
        if (question.type() != QuestionType.TRUE_FALSE) {
            Collections.shuffle(order, random);
        }
        return order.stream().map(String::valueOf).collect(Collectors.joining());
    }

    private static List<Question> fitting(List<Question> questions, ExamSection section, Set<String> taken) {
        return questions.stream().filter(question -> !taken.contains(question.id())
                && question.type() == section.type()
                && (section.knowledgePoint() == null || section.knowledgePoint().equals(question.knowledgePoint()))
                && (section.difficulty() == null || section.difficulty() == question.difficulty())).toList();
    }
}
