package cn.anxun.identity;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.time.LocalDate;

import org.junit.Test;

public class IdNumberDerivationTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 28);

    @Test
    public void derivesBirthDateAndSexAndMasks() {
        IdNumber man = IdNumber.parse("idNumber", "440524188001010014", TODAY);
        assertEquals(LocalDate.of(1880, 1, 1), man.birthDate());
        assertEquals(IdNumber.Sex.MALE, man.sex());
        assertEquals("44************0014", man.masked());
        assertEquals("44************0014", man.toString());

        IdNumber woman = IdNumber.parse("idNumber", "11010519491231002x", TODAY);
        assertEquals("11010519491231002X", woman.value());
        assertEquals(IdNumber.Sex.FEMALE, woman.sex());
        assertEquals(LocalDate.of(1949, 12, 31), woman.birthDate());
    }

    @Test
    public void aBrokenNumberEndsTheRequestNamingTheRule() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> IdNumber.parse("learner.idNumber", "440106199003071234", TODAY));
        assertEquals("learner.idNumber", e.violations().get(0).field());
        assertEquals("gb-11643-check-digit", e.violations().get(0).rule());
    }
}
