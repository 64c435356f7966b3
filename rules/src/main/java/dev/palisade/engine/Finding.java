package dev.palisade.engine;

import dev.palisade.model.ObjectRef;
import dev.palisade.model.Severity;
import java.util.Comparator;

/** One thing to fix, located to the line and column of the offending node. */
public record Finding(String rule, Severity severity, String message, String remediation, String docs,
        String file, int line, int column, String path, ObjectRef object) {

    /** File, then position, then rule: the order every output uses. */
    public static final Comparator<Finding> ORDER = Comparator.comparing(Finding::file)
            .thenComparingInt(Finding::line)
            .thenComparingInt(Finding::column)
            .thenComparing(Finding::rule)
            .thenComparing(Finding::message);

    public Finding withSeverity(Severity s) {
        return new Finding(rule, s, message, remediation, docs, file, line, column, path, object);
    }
}
