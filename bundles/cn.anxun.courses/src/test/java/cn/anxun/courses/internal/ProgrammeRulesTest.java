package cn.anxun.courses.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.junit.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.anxun.courses.ProgrammeEntry;
import cn.anxun.courses.TrainingKind;
import cn.anxun.identity.InvalidInputException;
import cn.anxun.identity.PersonnelCategory;

public class ProgrammeRulesTest {

    @Test
    public void onlineHoursAreTheShareRoundedDown() {
        assertEquals("88 h at 80%: 70.4 → 70", 70, ProgrammeRules.onlineHours(88, 80));
        assertEquals("88 h at 70% (AQ 8011-2023)", 61, ProgrammeRules.onlineHours(88, 70));
        assertEquals(48, ProgrammeRules.onlineHours(48, 100));
        assertEquals(80, ProgrammeRules.share(TrainingKind.INITIAL, null, 80));
        assertEquals(100, ProgrammeRules.share(TrainingKind.REFRESHER, null, 80));
        assertEquals(50, ProgrammeRules.share(TrainingKind.INITIAL, 50, 80));
    }

    @Test
    public void everyBrokenRuleIsNamed() {
        ProgrammeEntry bad = new ProgrammeEntry("X", " ", PersonnelCategory.SPECIAL_OPERATION, "危险化学品生产单位",
                null, TrainingKind.INITIAL, 0, null, 90);
        assertEquals(List.of("code:programme-code", "name:required", "operationType:required",
                "industry:not-applicable", "theoryHours:hours-range", "onlineShare:online-share-cap"), rules(bad));
        assertEquals(List.of("operationType:not-applicable"), rules(new ProgrammeEntry("a-b", "名",
                PersonnelCategory.SAFETY_MANAGER, "金属冶炼", "低压电工作业", TrainingKind.REFRESHER, 16, 0, 100)));
    }

    @Test
    public void theBundledSyllabiPassTheRules() throws IOException {
        try (InputStream in = ProgrammeRules.class.getResourceAsStream("/programmes.json")) {
            ProgrammeEntry[] seed = new ObjectMapper().readValue(in, ProgrammeEntry[].class);
            assertEquals(40, seed.length);
            for (ProgrammeEntry entry : seed) {
                ProgrammeRules.checked(entry, 80);
            }
        }
    }

    private static List<String> rules(ProgrammeEntry entry) {
        return assertThrows(InvalidInputException.class, () -> ProgrammeRules.checked(entry, 80)).violations()
                .stream().map(v -> v.field() + ":" + v.rule()).toList();
    }
}
