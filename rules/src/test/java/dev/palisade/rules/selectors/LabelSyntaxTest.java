package dev.palisade.rules.selectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The hand-written character checks must accept exactly what apimachinery's regular expressions accept. */
class LabelSyntaxTest {
    private static final Pattern NAME = Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");
    private static final Pattern DNS_SUBDOMAIN =
            Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final String ALPHABET = "aZ09-_./ é:A";

    @Test
    void agreesWithTheRegularExpressionsOnRandomTexts() {
        Random random = new Random(42);
        for (int n = 0; n < 200_000; n++) {
            StringBuilder sb = new StringBuilder();
            int length = random.nextInt(9);
            for (int i = 0; i < length; i++) {
                sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            String text = sb.toString();
            assertEquals(expectedKeyProblem(text), LabelSyntax.keyProblem(text), text);
            assertEquals(text.isEmpty() ? null : expectedNameProblem(text, "value"), LabelSyntax.valueProblem(text), text);
        }
    }

    @Test
    void lengthLimits() {
        String longName = "a".repeat(64);
        assertEquals(expectedKeyProblem(longName), LabelSyntax.keyProblem(longName));
        String longPrefix = "a".repeat(254) + "/x";
        assertEquals(expectedKeyProblem(longPrefix), LabelSyntax.keyProblem(longPrefix));
        assertEquals(null, LabelSyntax.keyProblem("app.kubernetes.io/name"));
    }

    /** keyProblem as it was written with the regular expressions. */
    private static String expectedKeyProblem(String key) {
        String[] parts = key.split("/", -1);
        if (parts.length > 2) {
            return "a label key has at most one '/' (prefix/name)";
        }
        if (parts.length == 2) {
            String prefix = parts[0];
            if (prefix.isEmpty()) {
                return "the prefix before '/' is empty";
            }
            if (prefix.length() > LabelSyntax.PREFIX_MAX) {
                return "the prefix is " + prefix.length() + " characters long; at most " + LabelSyntax.PREFIX_MAX + " are allowed";
            }
            if (!DNS_SUBDOMAIN.matcher(prefix).matches()) {
                return "the prefix '" + prefix + "' is not a DNS subdomain (lower-case letters, digits, '-' and '.', "
                        + "starting and ending with a letter or digit)";
            }
        }
        String name = parts[parts.length - 1];
        if (name.isEmpty()) {
            return "the name part is empty";
        }
        return expectedNameProblem(name, "name");
    }

    private static String expectedNameProblem(String text, String what) {
        if (text.length() > LabelSyntax.NAME_MAX) {
            return "the " + what + " is " + text.length() + " characters long; at most " + LabelSyntax.NAME_MAX + " are allowed";
        }
        if (!NAME.matcher(text).matches()) {
            return "the " + what + " may contain only letters, digits, '-', '_' and '.', and must start and end "
                    + "with a letter or digit";
        }
        return null;
    }
}
