package dev.palisade.webhook;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds {@code response.warnings} the API server keeps intact: it drops a warning containing a
 * newline or other control characters and truncates once the total passes 4096 runes, so every
 * warning is one line, each is capped, and the list ends with a count of what did not fit.
 */
final class Warnings {
    static final int TOTAL_RUNES = 4000; // 4096 with room for the API server's own prefixing
    static final int EACH_RUNES = 512;

    private final List<String> lines = new ArrayList<>();
    private int runes;
    private int dropped;

    void add(String text) {
        String line = clip(oneLine(text), EACH_RUNES);
        int n = line.codePointCount(0, line.length());
        if (dropped > 0 || runes + n > TOTAL_RUNES - 64) {
            dropped++;
            return;
        }
        lines.add(line);
        runes += n;
    }

    List<String> build() {
        List<String> out = new ArrayList<>(lines);
        if (dropped > 0) {
            out.add("palisade: " + dropped + " more finding(s) not shown; run 'palisade lint' on the manifest for all");
        }
        return List.copyOf(out);
    }

    /** Control characters (newlines, tabs, escapes) become spaces; a line without any is returned as it is. */
    static String oneLine(String s) {
        char[] chars = null;
        for (int i = 0; i < s.length(); i++) {
            if (Character.isISOControl(s.charAt(i))) { // all control characters are single chars, never surrogates
                if (chars == null) {
                    chars = s.toCharArray();
                }
                chars[i] = ' ';
            }
        }
        return chars == null ? s : new String(chars);
    }

    static String clip(String s, int maxRunes) {
        if (s.codePointCount(0, s.length()) <= maxRunes) {
            return s;
        }
        return s.substring(0, s.offsetByCodePoints(0, maxRunes - 3)) + "...";
    }
}
