package cn.anxun.identity.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

import cn.anxun.identity.Violation;

public class PasswordsTest {

    private final Passwords passwords = new Passwords(4);

    @Test
    public void hashesWithASaltOfTheirOwn() {
        String first = passwords.hash("Study2026ok");
        String second = passwords.hash("Study2026ok");
        assertNotEquals(first, second);
        assertTrue(Passwords.isHash(first));
        assertTrue(passwords.matches("Study2026ok", first));
        assertTrue(passwords.matches("Study2026ok", second));
        assertFalse(passwords.matches("study2026ok", first));
        assertFalse("no account, no match", passwords.matches("Study2026ok", null));
    }

    @Test
    public void rules() {
        assertEquals("required", rule(null));
        assertEquals("password-length", rule("ab1"));
        assertEquals("password-length", rule("密码".repeat(12) + "1")); // 73 bytes of UTF-8
        assertEquals("password-strength", rule("onlyletters"));
        assertEquals("password-strength", rule("1234567890"));
        assertEquals("password-personal", rule("x440524188001010014"));
        assertEquals(null, rule("Study2026ok"));
        assertEquals(null, rule(passwords.generate()));
    }

    private static String rule(String password) {
        return Passwords.check("password", password, "440524188001010014").map(Violation::rule).orElse(null);
    }
}
