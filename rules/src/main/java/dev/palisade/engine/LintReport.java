package dev.palisade.engine;

import dev.palisade.load.SourceFile;
import dev.palisade.model.Severity;
import java.util.List;

/** The outcome of one lint run, findings in {@link Finding#ORDER}. */
public record LintReport(List<Finding> findings, List<SourceFile> files, int objects) {
    public long count(Severity s) {
        return findings.stream().filter(f -> f.severity() == s).count();
    }

    public boolean hasAtLeast(Severity threshold) {
        return findings.stream().anyMatch(f -> f.severity().atLeast(threshold));
    }
}
