package cn.anxun.archive.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.util.Optional;

import org.junit.Test;

public class CertificateNumbersTest {

    @Test
    public void freshNumbersAreSixteenCharactersInGroupsAndDiffer() {
        String number = CertificateNumbers.fresh();
        assertTrue(number, number.matches("[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}"));
        assertNotEquals(number, CertificateNumbers.fresh());
    }

    @Test
    public void aNumberCopiedByHandIsReadBack() {
        assertEquals(Optional.of("K7Q2-9XMB-4TZR-H8WD"), CertificateNumbers.read("k7q2 9xmb 4tzr h8wd"));
        assertEquals(Optional.of("1002-9XMB-4TZR-H8WD"), CertificateNumbers.read("IO02-9XMB-4TZR-H8WD"));
        assertEquals(Optional.of("1002-9XMB-4TZR-H8WD"), CertificateNumbers.read("lo029xmb4tzrh8wd"));
    }

    @Test
    public void whatIsNoNumberIsNotRead() {
        assertEquals(Optional.empty(), CertificateNumbers.read("K7Q2-9XMB-4TZR"));
        assertEquals(Optional.empty(), CertificateNumbers.read("K7Q2-9XMB-4TZR-H8WU"));
        assertEquals(Optional.empty(), CertificateNumbers.read("K7Q2/9XMB/4TZR/H8WD"));
        assertEquals(Optional.empty(), CertificateNumbers.read(null));
    }
}
