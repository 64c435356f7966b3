package dev.palisade.report;

import dev.palisade.engine.Finding;
import java.io.IOException;
import java.io.Writer;

/**
 * GitHub Actions workflow commands ({@code ::error file=..,line=..,col=..,title=..::message}), which the
 * runner turns into annotations on the pull request's diff. Info findings become notices.
 */
public final class GithubReporter implements Reporter {
    @Override
    public void write(ReportContext run, Writer out) throws IOException {
        for (Finding f : run.report().findings()) {
            String command = switch (f.severity()) {
                case ERROR -> "error";
                case WARNING -> "warning";
                case INFO -> "notice";
            };
            out.write("::" + command + " file=" + property(f.file()) + ",line=" + f.line() + ",col=" + f.column()
                    + ",title=" + property(f.rule()) + "::" + data(f.message()) + "\n");
        }
        out.write(Summary.of(run.report()) + "\n");
    }

    /** A command's message: the runner decodes %25, %0D and %0A. */
    public static String data(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** A command property additionally must not contain its separators ':' and ','. */
    public static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }
}
