package dev.palisade.rules.schema;

import com.networknt.schema.regex.RegularExpression;
import com.networknt.schema.regex.RegularExpressionFactory;
import java.util.regex.Pattern;

/**
 * JSON-schema {@code pattern}s with a work bound: a CRD or user schema may carry a pattern that
 * backtracks exponentially (e.g. {@code ^(a+)+$}), and neither a lint nor the webhook may hang on one.
 * Matching reads the value through a sequence that counts character reads and gives up past a budget.
 */
final class BoundedRegex implements RegularExpressionFactory {
    /** Reads per match: linear patterns on any realistic field value stay far below it. */
    static final long BUDGET = 2_000_000;

    /** A pattern that exceeded its budget: the schema is reported as unusable for this object. */
    static final class TooExpensive extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooExpensive(String pattern) {
            super("pattern " + pattern + " backtracks too much to be checked");
        }
    }

    @Override
    public RegularExpression getRegularExpression(String regex) {
        Pattern pattern = Pattern.compile(regex);
        return value -> pattern.matcher(new Counted(value, regex)).find(); // JSON schema patterns are unanchored
    }

    private static final class Counted implements CharSequence {
        private final String value;
        private final String regex;
        private long reads;

        Counted(String value, String regex) {
            this.value = value;
            this.regex = regex;
        }

        @Override
        public char charAt(int index) {
            if (++reads > BUDGET) {
                throw new TooExpensive(regex);
            }
            return value.charAt(index);
        }

        @Override
        public int length() {
            return value.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return value.subSequence(start, end);
        }

        @Override
        public String toString() {
            return value;
        }
    }
}
