package cn.anxun.archive.internal;

/**
 * A name as a verifier sees it: the first and the last character, stars between, so that it matches the paper copy
 * without giving the name away; a name of two characters keeps its first, e.g. 张* for 张三, 欧**娜 for 欧阳娜娜.
 */
final class NameMask {

    private NameMask() {
    }

    static String mask(String name) {
        int[] characters = name.strip().codePoints().toArray();
        if (characters.length <= 1) {
            return "*";
        }
        StringBuilder masked = new StringBuilder().appendCodePoint(characters[0]);
        if (characters.length == 2) {
            return masked.append('*').toString();
        }
        return masked.append("*".repeat(characters.length - 2)).appendCodePoint(characters[characters.length - 1])
                .toString();
    }
}
