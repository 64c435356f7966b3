package dev.palisade.rules.selectors;

/**
 * The API server's syntax for label keys and values (apimachinery IsQualifiedName and IsValidLabelValue):
 * a key is an optional DNS-subdomain prefix and '/', then a name of at most 63 characters; a value is
 * at most 63 characters, possibly empty. Each check returns why the text is rejected, or null.
 * The character classes are checked by hand: every label of every object goes through here, and the
 * regular expressions this replaced ({@code ([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]} for names,
 * {@code [a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*} for prefixes) were a
 * visible share of a large lint.
 */
final class LabelSyntax {
    static final int NAME_MAX = 63;
    static final int PREFIX_MAX = 253;

    private LabelSyntax() {
    }

    static String keyProblem(String key) {
        int slash = key.indexOf('/');
        if (slash >= 0 && key.indexOf('/', slash + 1) >= 0) {
            return "a label key has at most one '/' (prefix/name)";
        }
        if (slash >= 0) {
            String prefix = key.substring(0, slash);
            if (prefix.isEmpty()) {
                return "the prefix before '/' is empty";
            }
            if (prefix.length() > PREFIX_MAX) {
                return "the prefix is " + prefix.length() + " characters long; at most " + PREFIX_MAX + " are allowed";
            }
            if (!isDnsSubdomain(prefix)) {
                return "the prefix '" + prefix + "' is not a DNS subdomain (lower-case letters, digits, '-' and '.', "
                        + "starting and ending with a letter or digit)";
            }
        }
        String name = key.substring(slash + 1);
        if (name.isEmpty()) {
            return "the name part is empty";
        }
        return nameProblem(name, "name");
    }

    static String valueProblem(String value) {
        return value.isEmpty() ? null : nameProblem(value, "value");
    }

    private static String nameProblem(String text, String what) {
        if (text.length() > NAME_MAX) {
            return "the " + what + " is " + text.length() + " characters long; at most " + NAME_MAX + " are allowed";
        }
        if (!isName(text)) {
            return "the " + what + " may contain only letters, digits, '-', '_' and '.', and must start and end "
                    + "with a letter or digit";
        }
        return null;
    }

    /** Letters, digits, '-', '_' and '.', starting and ending with a letter or digit. */
    private static boolean isName(String text) {
        int last = text.length() - 1;
        if (last < 0 || !isAlphanumeric(text.charAt(0)) || !isAlphanumeric(text.charAt(last))) {
            return false;
        }
        for (int i = 1; i < last; i++) {
            char c = text.charAt(i);
            if (!isAlphanumeric(c) && c != '-' && c != '_' && c != '.') {
                return false;
            }
        }
        return true;
    }

    private static boolean isAlphanumeric(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }

    /** Dot-separated labels of lower-case letters, digits and '-', each starting and ending with a letter or digit. */
    private static boolean isDnsSubdomain(String text) {
        int start = 0;
        while (true) {
            int dot = text.indexOf('.', start);
            int end = dot < 0 ? text.length() : dot;
            if (!isDnsLabel(text, start, end)) {
                return false;
            }
            if (dot < 0) {
                return true;
            }
            start = dot + 1;
        }
    }

    private static boolean isDnsLabel(String text, int start, int end) {
        if (end <= start || !isLowerAlphanumeric(text.charAt(start)) || !isLowerAlphanumeric(text.charAt(end - 1))) {
            return false;
        }
        for (int i = start + 1; i < end - 1; i++) {
            char c = text.charAt(i);
            if (!isLowerAlphanumeric(c) && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static boolean isLowerAlphanumeric(char c) {
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
    }
}
