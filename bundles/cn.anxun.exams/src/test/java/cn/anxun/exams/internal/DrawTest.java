package cn.anxun.exams.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.Test;

import cn.anxun.exams.Difficulty;
import cn.anxun.exams.ExamSection;
import cn.anxun.exams.Question;
import cn.anxun.exams.QuestionType;
import cn.anxun.identity.InvalidInputException;

public class DrawTest {

    private static final List<Question> BANK = new ArrayList<>();

    static {
        for (int i = 0; i < 6; i++) {
            BANK.add(question("s" + i, QuestionType.SINGLE_CHOICE, i < 2 ? "验电" : "急救"));
        }
        for (int i = 0; i < 3; i++) {
            BANK.add(question("t" + i, QuestionType.TRUE_FALSE, "验电"));
        }
    }

    @Test
    public void eachSectionDrawsFittingQuestionsOnceAndANarrowSectionIsNotStarvedByAWideOne() {
        List<ExamSection> sections = List.of(new ExamSection(QuestionType.SINGLE_CHOICE, null, null, 4, 5),
                new ExamSection(QuestionType.SINGLE_CHOICE, "验电", null, 2, 10),
                new ExamSection(QuestionType.TRUE_FALSE, null, null, 3, 2));
        for (int seed = 0; seed < 50; seed++) {
            List<Draw.Drawn> drawn = Draw.draw(BANK, sections, new Random(seed));
            assertEquals(9, drawn.size());
            Set<String> ids = new HashSet<>();
            drawn.forEach(question -> assertTrue(ids.add(question.question().id())));
            assertEquals(2, drawn.stream().filter(question -> question.points() == 10
                    && "验电".equals(question.question().knowledgePoint())).count());
            drawn.stream().filter(question -> question.question().type() == QuestionType.TRUE_FALSE)
                    .forEach(question -> assertEquals("01", question.optionOrder()));
        }
        assertEquals(4, Draw.fits(BANK, sections, sections.get(0)));
    }

    @Test
    public void aSectionTheBanksCannotFillIsNamedAndNotDrawn() {
        List<ExamSection> sections = List.of(new ExamSection(QuestionType.TRUE_FALSE, null, Difficulty.HARD, 1, 5));
        assertEquals(0, Draw.fits(BANK, sections, sections.get(0)));
        assertNull(Draw.draw(BANK, sections, new Random(1)));
    }

    @Test
    public void optionsAreShuffledAndChoicesMapBetweenTheOrderShownAndTheQuestionsOwn() {
        Question question = new Question("q", "bank", "Q1", 1, QuestionType.MULTIPLE_CHOICE, "选哪些？",
                List.of("甲", "乙", "丙", "丁"), "AC", null, null, Difficulty.MEDIUM, true, Instant.EPOCH, "staff");
        AttemptQuestionRecord asked = new AttemptQuestionRecord("attempt", 1, "q", "2031", 5);
        assertEquals(List.of("丙", "甲", "丁", "乙"), asked.view(question, false).options());
        asked.choose("AB", 0);
        assertEquals("AB", asked.view(question, true).chosen());
        assertEquals("AB", asked.view(question, true).answer());
        assertEquals(5, asked.score(question));
        asked.choose("A", 0);
        assertEquals(0, asked.score(question));
    }

    @Test
    public void aChoiceIsLettersOfTheOptionsShown() {
        assertEquals("AC", ExamRules.choice(QuestionType.MULTIPLE_CHOICE, 4, "c, a"));
        assertNull(ExamRules.choice(QuestionType.SINGLE_CHOICE, 4, " "));
        for (String wrong : List.of("E", "AB", "AA")) {
            assertEquals("option-letters", assertThrows(InvalidInputException.class, () -> ExamRules.choice(
                    QuestionType.SINGLE_CHOICE, 4, wrong)).violations().get(0).rule());
        }
    }

    private static Question question(String id, QuestionType type, String knowledgePoint) {
        List<String> options = type == QuestionType.TRUE_FALSE ? QuestionSheet.TRUE_FALSE_OPTIONS
                : List.of("甲", "乙", "丙", "丁");
        return new Question(id, "bank", id, 1, type, "题 " + id, options, "A", null, knowledgePoint,
                Difficulty.MEDIUM, true, Instant.EPOCH, "staff");
    }
}
