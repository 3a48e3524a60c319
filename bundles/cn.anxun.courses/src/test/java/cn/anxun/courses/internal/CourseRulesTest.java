package cn.anxun.courses.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.Test;

import cn.anxun.courses.CourseDraft;
import cn.anxun.courses.CourseDraft.UnitDraft;
import cn.anxun.identity.InvalidInputException;

public class CourseRulesTest {

    private static final UnitDraft VIDEO = new UnitDraft(" 第一课 ", "video", "m1", null, null);
    private static final UnitDraft TEXT = new UnitDraft("第二课", "TEXT", null, " 正文 ", List.of("p1"));

    @Test
    public void aDraftIsStrippedAndItsTypesNamed() {
        CourseDraft checked = CourseRules.checked(new CourseDraft(" 低压电工 ", null, List.of("low-voltage-electrician"),
                List.of(" 张老师 "), List.of(VIDEO, TEXT)));
        assertEquals("低压电工", checked.title());
        assertEquals(List.of("张老师"), checked.teachers());
        assertEquals("第一课", checked.units().get(0).title());
        assertEquals("VIDEO", checked.units().get(0).type());
        assertEquals(List.of(), checked.units().get(0).pictures());
        assertEquals("正文", checked.units().get(1).text());
    }

    @Test
    public void practicalTrainingIsNeverAUnit() {
        assertEquals(Set.of("units[0].type=practical-not-online"), rules(new CourseDraft("t", null, List.of("p"),
                List.of("张"), List.of(new UnitDraft("实操", "practical_training", "m1", null, null)))));
    }

    @Test
    public void eachKindOfUnitHoldsItsOwnContent() {
        assertEquals(Set.of("units[0].media=required", "units[0].text=not-applicable",
                "units[1].media=not-applicable", "units[1].text=unit-text", "units[2].type=unit-type",
                "units[3].pictures=unit-pictures"), rules(new CourseDraft("t", null, List.of("p"), List.of("张"),
                        List.of(new UnitDraft("a", "AUDIO", null, "words", null),
                                new UnitDraft("b", "TEXT", "m1", " ", null), new UnitDraft("c", "SLIDES", "m1", null,
                                        null), new UnitDraft("d", "VIDEO", "m1", null, List.of("p1"))))));
    }

    @Test
    public void aCourseNamesProgrammesTeachersAndUnits() {
        assertEquals(Set.of("title=required", "programmes=programmes", "teachers=teachers", "units=units"),
                rules(new CourseDraft(" ", null, List.of("a", "a"), List.of(), List.of())));
    }

    private static Set<String> rules(CourseDraft draft) {
        return assertThrows(InvalidInputException.class, () -> CourseRules.checked(draft)).violations().stream()
                .map(v -> v.field() + "=" + v.rule()).collect(Collectors.toSet());
    }
}
