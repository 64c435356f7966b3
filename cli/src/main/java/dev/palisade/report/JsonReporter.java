package dev.palisade.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.palisade.engine.Finding;
import dev.palisade.engine.LintReport;
import dev.palisade.model.ObjectRef;
import dev.palisade.model.Severity;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The stable machine contract:
 * {@code {"findings":[{rule, severity, message, file, line, column, path, object:{apiVersion, kind,
 * namespace, name}, remediation, docs}], "summary":{files, objects, error, warning, info}}}.
 * Absent object fields are {@code null}, never missing, so scripts can index them blindly.
 *
 * <p>The layout is Jackson's default pretty printer's (two-space indents, {@code "key" : value},
 * {@code [ {} , {} ]}), as the report always had; it is written by hand rather than through a Jackson
 * tree because a large lint has tens of thousands of findings, and building and walking a tree of
 * them on one thread was a noticeable share of the run. Findings are formatted in blocks on every core
 * and written in order. Strings are escaped by Jackson's own encoder, as its generator does.
 */
public final class JsonReporter implements Reporter {
    /** Shared with the SARIF reporter: pretty-printed, never closing the caller's writer. */
    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    /** Findings per block formatted by one task: large enough to amortise a task, small enough to spread. */
    private static final int BLOCK = 1024;

    @Override
    public void write(ReportContext run, Writer out) throws IOException {
        LintReport report = run.report();
        List<Finding> findings = report.findings();
        out.write("{\n  \"findings\" : [");
        if (findings.isEmpty()) {
            out.write(" ]");
        } else {
            int blocks = (findings.size() + BLOCK - 1) / BLOCK;
            List<String> formatted = IntStream.range(0, blocks).parallel()
                    .mapToObj(b -> block(findings, b * BLOCK, Math.min(findings.size(), (b + 1) * BLOCK)))
                    .toList();
            for (String block : formatted) {
                out.write(block);
            }
            out.write(" ]");
        }
        out.write(",\n  \"summary\" : {\n");
        out.write("    \"files\" : " + report.files().size() + ",\n");
        out.write("    \"objects\" : " + report.objects() + ",\n");
        out.write("    \"error\" : " + report.count(Severity.ERROR) + ",\n");
        out.write("    \"warning\" : " + report.count(Severity.WARNING) + ",\n");
        out.write("    \"info\" : " + report.count(Severity.INFO) + "\n");
        out.write("  }\n}\n");
    }

    /** Findings {@code from} to {@code to}, each starting with the separator that precedes it. */
    private static String block(List<Finding> findings, int from, int to) {
        StringBuilder sb = new StringBuilder((to - from) * 768);
        for (int i = from; i < to; i++) {
            sb.append(i == 0 ? " {\n" : ", {\n");
            finding(sb, findings.get(i));
            sb.append("  }");
        }
        return sb.toString();
    }

    private static void finding(StringBuilder sb, Finding f) {
        field(sb, "    ", "rule", f.rule()).append(",\n");
        field(sb, "    ", "severity", f.severity().label()).append(",\n");
        field(sb, "    ", "message", f.message()).append(",\n");
        field(sb, "    ", "file", f.file()).append(",\n");
        sb.append("    \"line\" : ").append(f.line()).append(",\n");
        sb.append("    \"column\" : ").append(f.column()).append(",\n");
        field(sb, "    ", "path", f.path()).append(",\n");
        ObjectRef o = f.object();
        sb.append("    \"object\" : {\n");
        field(sb, "      ", "apiVersion", o.apiVersion()).append(",\n");
        field(sb, "      ", "kind", o.kind()).append(",\n");
        field(sb, "      ", "namespace", o.namespace()).append(",\n");
        field(sb, "      ", "name", o.name()).append('\n');
        sb.append("    },\n");
        field(sb, "    ", "remediation", f.remediation()).append(",\n");
        field(sb, "    ", "docs", f.docs()).append('\n');
    }

    /** {@code "name" : "value"} (or {@code null}); names are plain ASCII, values are escaped. */
    private static StringBuilder field(StringBuilder sb, String indent, String name, String value) {
        sb.append(indent).append('"').append(name).append("\" : ");
        if (value == null) {
            return sb.append("null");
        }
        sb.append('"');
        JsonStringEncoder.getInstance().quoteAsString(value, sb);
        return sb.append('"');
    }
}
