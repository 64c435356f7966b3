package dev.palisade.report;

import dev.palisade.engine.LintReport;
import dev.palisade.engine.RuleCatalog;
import dev.palisade.model.Severity;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A lint run as reporters see it.
 *
 * @param report      findings, files and object count
 * @param catalog     rule metadata (SARIF rule entries, remediation)
 * @param failOn      the severity from which the run fails; empty for {@code --fail-on never}
 * @param color       whether ANSI colours may be used
 * @param baseDir     the directory relative file names are relative to (SARIF's %SRCROOT%)
 * @param toolVersion Palisade's version
 */
public record ReportContext(LintReport report, RuleCatalog catalog, Optional<Severity> failOn, boolean color,
        Path baseDir, String toolVersion) {

    /** Whether a finding of this severity makes the run fail (and a JUnit test case fail). */
    public boolean fails(Severity s) {
        return failOn.map(s::atLeast).orElse(false);
    }
}
