package dev.palisade.rules.selectors;

import java.util.regex.Pattern;

/**
 * The API server's syntax for label keys and values (apimachinery IsQualifiedName and IsValidLabelValue):
 * a key is an optional DNS-subdomain prefix and '/', then a name of at most 63 characters; a value is
 * at most 63 characters, possibly empty. Each check returns why the text is rejected, or null.
 */
final class LabelSyntax {
    static final int NAME_MAX = 63;
    static final int PREFIX_MAX = 253;
    private static final Pattern NAME = Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");
    private static final Pattern DNS_SUBDOMAIN =
            Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

    private LabelSyntax() {
    }

    static String keyProblem(String key) {
        String[] parts = key.split("/", -1);
        if (parts.length > 2) {
            return "a label key has at most one '/' (prefix/name)";
        }
        if (parts.length == 2) {
            String prefix = parts[0];
            if (prefix.isEmpty()) {
                return "the prefix before '/' is empty";
            }
            if (prefix.length() > PREFIX_MAX) {
                return "the prefix is " + prefix.length() + " characters long; at most " + PREFIX_MAX + " are allowed";
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
        return nameProblem(name, "name");
    }

    static String valueProblem(String value) {
        return value.isEmpty() ? null : nameProblem(value, "value");
    }

    private static String nameProblem(String text, String what) {
        if (text.length() > NAME_MAX) {
            return "the " + what + " is " + text.length() + " characters long; at most " + NAME_MAX + " are allowed";
        }
        if (!NAME.matcher(text).matches()) {
            return "the " + what + " may contain only letters, digits, '-', '_' and '.', and must start and end "
                    + "with a letter or digit";
        }
        return null;
    }
}
