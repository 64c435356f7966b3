package dev.palisade.webhook;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The time budget of a review, from the API server's {@code ?timeout=} query parameter. */
final class Deadlines {
    /** The API server's maximum webhook timeout, assumed when the parameter is absent. */
    static final long DEFAULT_TIMEOUT_MS = 10_000;
    private static final Pattern GO_DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m)");

    private Deadlines() {
    }

    /**
     * Milliseconds to answer in: a tenth of the timeout (100 ms at least, 1 s at most) is left for
     * the network and the API server, so our fail-open answer arrives before it gives up.
     */
    static long budgetMillis(String timeoutParam) {
        long timeout = parse(timeoutParam);
        long margin = Math.min(1000, Math.max(100, timeout / 10));
        return Math.max(50, timeout - margin);
    }

    /** A Go duration as the API server writes it ("10s", "500ms", "1m"); the default when unreadable. */
    static long parse(String text) {
        if (text == null) {
            return DEFAULT_TIMEOUT_MS;
        }
        Matcher m = GO_DURATION.matcher(text.trim());
        if (!m.matches()) {
            return DEFAULT_TIMEOUT_MS;
        }
        double v = Double.parseDouble(m.group(1));
        double ms = switch (m.group(2)) {
            case "ms" -> v;
            case "s" -> v * 1000;
            default -> v * 60_000;
        };
        return (long) Math.min(DEFAULT_TIMEOUT_MS * 3, Math.max(1, ms));
    }
}
