package dev.palisade.report;

import dev.palisade.engine.LintReport;
import dev.palisade.model.Severity;

/** The one-line summary shared by the human-readable formats. */
final class Summary {
    private Summary() {
    }

    static String of(LintReport r) {
        int files = r.files().size();
        String where = files + (files == 1 ? " file, " : " files, ") + r.objects()
                + (r.objects() == 1 ? " object" : " objects");
        if (r.findings().isEmpty()) {
            return "No findings in " + where + ".";
        }
        int n = r.findings().size();
        return n + (n == 1 ? " finding" : " findings") + " (" + plural(r.count(Severity.ERROR), "error") + ", "
                + plural(r.count(Severity.WARNING), "warning") + ", " + r.count(Severity.INFO) + " info) in "
                + where + ".";
    }

    private static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
