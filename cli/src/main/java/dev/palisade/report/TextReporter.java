package dev.palisade.report;

import dev.palisade.engine.Finding;
import dev.palisade.load.SourceFile;
import dev.palisade.model.Severity;
import java.io.IOException;
import java.io.Writer;
import java.util.HashMap;
import java.util.Map;

/**
 * For people: {@code file:line:col  severity  rule-id  message}, grouped by file, each followed by the
 * offending source line with a caret under the column, then a one-line summary.
 */
public final class TextReporter implements Reporter {
    private static final String RESET = "\u001b[0m";
    private static final String BOLD = "\u001b[1m";
    private static final String DIM = "\u001b[2m";

    @Override
    public void write(ReportContext run, Writer out) throws IOException {
        Map<String, SourceFile> sources = new HashMap<>();
        for (SourceFile f : run.report().files()) {
            sources.putIfAbsent(f.path(), f);
        }
        String previousFile = null;
        for (Finding f : run.report().findings()) {
            if (previousFile != null && !previousFile.equals(f.file())) {
                out.write('\n');
            }
            previousFile = f.file();
            out.write(style(run, BOLD, f.file() + ":" + f.line() + ":" + f.column()));
            out.write("  " + style(run, colorOf(f.severity()), pad(f.severity().label())));
            out.write("  " + style(run, DIM, f.rule()) + "  " + f.message() + "\n");
            SourceFile source = sources.get(f.file());
            if (source != null) {
                writeSourceLine(run, source, f, out);
            }
        }
        if (!run.report().findings().isEmpty()) {
            out.write('\n');
        }
        out.write(Summary.of(run.report()) + "\n");
    }

    /** The offending line, with a caret under the column (tabs copied so the caret lines up). */
    private static void writeSourceLine(ReportContext run, SourceFile source, Finding f, Writer out) throws IOException {
        String line = source.line(f.line());
        if (line.isBlank() || line.length() > 400) {
            return;
        }
        String number = String.valueOf(f.line());
        out.write("  " + style(run, DIM, number + " | ") + line + "\n");
        StringBuilder caret = new StringBuilder();
        for (int i = 0; i < f.column() - 1 && i < line.length(); i++) {
            caret.append(line.charAt(i) == '\t' ? '\t' : ' ');
        }
        out.write("  " + " ".repeat(number.length()) + style(run, DIM, " | ") + caret
                + style(run, colorOf(f.severity()), "^") + "\n");
    }

    private static String pad(String severity) {
        return severity + " ".repeat(Math.max(0, "warning".length() - severity.length()));
    }

    private static String colorOf(Severity s) {
        return switch (s) {
            case ERROR -> "\u001b[31m";
            case WARNING -> "\u001b[33m";
            case INFO -> "\u001b[36m";
        };
    }

    private static String style(ReportContext run, String ansi, String text) {
        return run.color() ? ansi + text + RESET : text;
    }
}
