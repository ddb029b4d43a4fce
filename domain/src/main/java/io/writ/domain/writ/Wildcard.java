package io.writ.domain.writ;

/**
 * Matches a value against a pattern in which {@code *} stands for any run of characters (also none) and every
 * other character stands for itself, case-sensitively. Written by hand rather than as a regular expression so
 * that a pattern a user typed can neither inject regex syntax nor make matching backtrack without end.
 */
public final class Wildcard {

    private Wildcard() {
    }

    public static boolean matches(String pattern, String value) {
        int p = 0;
        int v = 0;
        int lastStar = -1;
        int resumeAt = 0;
        while (v < value.length()) {
            if (p < pattern.length() && pattern.charAt(p) == '*') {
                lastStar = p++;
                resumeAt = v;
            } else if (p < pattern.length() && pattern.charAt(p) == value.charAt(v)) {
                p++;
                v++;
            } else if (lastStar >= 0) {
                // Let the last star swallow one more character and try again from there.
                p = lastStar + 1;
                v = ++resumeAt;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }
}
