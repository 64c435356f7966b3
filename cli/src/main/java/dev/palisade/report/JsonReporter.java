package dev.palisade.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.palisade.engine.Finding;
import dev.palisade.engine.LintReport;
import dev.palisade.model.ObjectRef;
import dev.palisade.model.Severity;
import java.io.IOException;
import java.io.Writer;

/**
 * The stable machine contract:
 * {@code {"findings":[{rule, severity, message, file, line, column, path, object:{apiVersion, kind,
 * namespace, name}, remediation, docs}], "summary":{files, objects, error, warning, info}}}.
 * Absent object fields are {@code null}, never missing, so scripts can index them blindly.
 */
public final class JsonReporter implements Reporter {
    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    @Override
    public void write(ReportContext run, Writer out) throws IOException {
        MAPPER.writeValue(out, toJson(run.report()));
        out.write('\n');
    }

    static ObjectNode toJson(LintReport report) {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode findings = root.putArray("findings");
        for (Finding f : report.findings()) {
            ObjectNode n = findings.addObject();
            n.put("rule", f.rule());
            n.put("severity", f.severity().label());
            n.put("message", f.message());
            n.put("file", f.file());
            n.put("line", f.line());
            n.put("column", f.column());
            n.put("path", f.path());
            ObjectRef o = f.object();
            ObjectNode obj = n.putObject("object");
            obj.put("apiVersion", o.apiVersion());
            obj.put("kind", o.kind());
            obj.put("namespace", o.namespace());
            obj.put("name", o.name());
            n.put("remediation", f.remediation());
            n.put("docs", f.docs());
        }
        ObjectNode summary = root.putObject("summary");
        summary.put("files", report.files().size());
        summary.put("objects", report.objects());
        summary.put("error", report.count(Severity.ERROR));
        summary.put("warning", report.count(Severity.WARNING));
        summary.put("info", report.count(Severity.INFO));
        return root;
    }
}
