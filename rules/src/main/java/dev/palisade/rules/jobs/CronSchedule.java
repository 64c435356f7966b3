package dev.palisade.rules.jobs;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validates a CronJob schedule the way the API server does (robfig/cron's standard parser): five
 * fields or a descriptor (@hourly ... @yearly, @every &lt;duration&gt;); each field a comma list of
 * {@code *}, {@code ?}, a value or a range, each with an optional {@code /step}; month and weekday
 * names; weekdays 0-6 (7 is not Sunday here).
 */
final class CronSchedule {
    private static final Set<String> DESCRIPTORS =
            Set.of("@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly");
    private static final Pattern GO_DURATION = Pattern.compile("(\\d+(\\.\\d*)?(ns|us|µs|ms|s|m|h))+");

    private record Field(String name, int min, int max, List<String> names) {
    }

    private static final List<Field> FIELDS = List.of(
            new Field("minute", 0, 59, List.of()),
            new Field("hour", 0, 23, List.of()),
            new Field("day of month", 1, 31, List.of()),
            new Field("month", 1, 12, List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP",
                    "OCT", "NOV", "DEC")),
            new Field("day of week", 0, 6, List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT")));

    private CronSchedule() {
    }

    /** What is wrong with the schedule (without any TZ= prefix), or empty when it is valid. */
    static Optional<String> problem(String schedule) {
        String s = schedule.trim();
        if (s.startsWith("@")) {
            return descriptorProblem(s);
        }
        String[] parts = s.isEmpty() ? new String[0] : s.split("\\s+");
        if (parts.length != FIELDS.size()) {
            return Optional.of("has " + parts.length + " fields; Kubernetes expects 5 (minute hour day-of-month "
                    + "month day-of-week), without seconds or years");
        }
        for (int i = 0; i < parts.length; i++) {
            Optional<String> p = fieldProblem(parts[i], FIELDS.get(i));
            if (p.isPresent()) {
                return p;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> descriptorProblem(String s) {
        String lower = s.toLowerCase(Locale.ROOT);
        if (DESCRIPTORS.contains(lower)) {
            return Optional.empty();
        }
        if (lower.startsWith("@every ")) {
            String duration = s.substring("@every ".length()).trim();
            return GO_DURATION.matcher(duration).matches() ? Optional.empty()
                    : Optional.of("'@every " + duration + "' needs a duration such as 30m or 1h30m");
        }
        return Optional.of("'" + s + "' is not a known descriptor (@hourly, @daily, @weekly, @monthly, @yearly, "
                + "@every <duration>)");
    }

    private static Optional<String> fieldProblem(String text, Field f) {
        for (String item : text.split(",", -1)) {
            Optional<String> p = itemProblem(item, f);
            if (p.isPresent()) {
                return Optional.of(f.name() + " field '" + text + "': " + p.get());
            }
        }
        return Optional.empty();
    }

    private static Optional<String> itemProblem(String item, Field f) {
        String[] rangeAndStep = item.split("/", -1);
        if (rangeAndStep.length > 2) {
            return Optional.of("'" + item + "' has more than one '/'");
        }
        String range = rangeAndStep[0];
        int start;
        int end;
        if (range.equals("*") || range.equals("?")) {
            start = f.min();
            end = f.max();
        } else {
            String[] bounds = range.split("-", -1);
            if (bounds.length > 2) {
                return Optional.of("'" + item + "' has more than one '-'");
            }
            Integer low = value(bounds[0], f);
            Integer high = bounds.length == 2 ? value(bounds[1], f) : low;
            if (low == null || high == null) {
                String bad = low == null ? bounds[0] : bounds[1];
                return Optional.of("'" + bad + "' is not a number" + (f.names().isEmpty() ? "" : " or name"));
            }
            start = low;
            end = bounds.length == 1 && rangeAndStep.length == 2 ? f.max() : high; // "5/15" means 5-max/15
            if (start < f.min() || end > f.max()) {
                return Optional.of("values must be within " + f.min() + "-" + f.max()
                        + (f.max() == 6 ? " (Sunday is 0; 7 is not accepted)" : ""));
            }
            if (start > end) {
                return Optional.of("range '" + range + "' starts after it ends");
            }
        }
        if (rangeAndStep.length == 2) {
            Integer step = number(rangeAndStep[1]);
            if (step == null || step == 0) {
                return Optional.of("step '" + rangeAndStep[1] + "' must be a positive number");
            }
        }
        return Optional.empty();
    }

    /** A number, or a month/weekday name for fields that take names. */
    private static Integer value(String text, Field f) {
        int index = f.names().indexOf(text.toUpperCase(Locale.ROOT));
        if (index >= 0) {
            return f.min() + index;
        }
        return number(text);
    }

    private static Integer number(String text) {
        if (!text.matches("\\d{1,9}")) {
            return null;
        }
        return Integer.parseInt(text);
    }
}
