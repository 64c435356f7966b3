package dev.palisade.load;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Small random edits of YAML text that hit what a YAML reader has to get right. */
final class YamlMutator {
    private static final String CHARACTERS = " \n-:#'\"|>[]{},&*!?%@`\t\r.0a~\\+";
    /** Scalars and constructs whose reading differs between YAML dialects or needs care. */
    private static final String[] TOKENS = {"yes", "No", "on", "OFF", "y", "0x1F", "0o17", "017", "08", "1_000",
        "-12", "+3", "1e3", "1.5", "-.inf", ".NaN", "3:25:45", "2001-12-14", "2001-12-14t21:59:43.10-05:00", "~",
        "null", "Null", "''", "'a''b'", "\"\\u00e9\\x41\\t\"", "\"a\\/b\"", "|-", ">+", "|2", ">-1", "[a, b]",
        "{a: 1}", "[]", "{}", "*x", "&a", "!!str", "<<", "? ", "- ", "--- ", "...", "#", " # c", "\"", "'",
        "99999999999999999999", "2147483648", "-0", "0", "0b101", "=", "true", "FALSE", "\u00e9", "\ud83d\ude00"};

    private YamlMutator() {
    }

    static String mutate(String text, Random random, int edits) {
        String out = text;
        for (int i = 0; i < edits; i++) {
            out = edit(out, random);
        }
        return out;
    }

    private static String edit(String text, Random random) {
        if (text.isEmpty()) {
            return TOKENS[random.nextInt(TOKENS.length)];
        }
        int at = random.nextInt(text.length() + 1);
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        int line = random.nextInt(lines.size());
        switch (random.nextInt(9)) {
            case 0 -> {
                return text.substring(0, at) + CHARACTERS.charAt(random.nextInt(CHARACTERS.length())) + text.substring(at);
            }
            case 1 -> {
                return at < text.length() ? text.substring(0, at) + text.substring(at + 1) : text;
            }
            case 2 -> lines.add(line, lines.get(line));
            case 3 -> lines.set(line, " ".repeat(1 + random.nextInt(3)) + lines.get(line));
            case 4 -> lines.set(line, lines.get(line).replaceFirst("^ {1,2}", ""));
            case 5 -> {
                if (line + 1 < lines.size()) {
                    String l = lines.get(line);
                    lines.set(line, lines.get(line + 1));
                    lines.set(line + 1, l);
                }
            }
            case 6 -> {
                // replace a value after "key: " or "- " with a token
                String l = lines.get(line);
                int colon = l.indexOf(": ");
                int cut = colon >= 0 ? colon + 2 : l.indexOf("- ") >= 0 ? l.indexOf("- ") + 2 : l.length();
                lines.set(line, l.substring(0, cut) + TOKENS[random.nextInt(TOKENS.length)]);
            }
            case 7 -> {
                // break a line at one of its spaces: plain scalars continued on more-indented lines
                String l = lines.get(line);
                int space = l.indexOf(' ', random.nextInt(l.length() + 1));
                if (space > 0) {
                    int indent = l.length() - l.stripLeading().length();
                    lines.set(line, l.substring(0, space) + "\n" + " ".repeat(indent + random.nextInt(5))
                            + (random.nextBoolean() ? "" : "\n") + l.substring(space + 1));
                }
            }
            default -> {
                return text.substring(0, at) + TOKENS[random.nextInt(TOKENS.length)] + text.substring(at);
            }
        }
        return String.join("\n", lines);
    }
}
