package dev.palisade.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.palisade.engine.Finding;
import dev.palisade.engine.LintReport;
import dev.palisade.engine.RuleCatalog;
import dev.palisade.model.ObjectRef;
import dev.palisade.model.Severity;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The hand-written JSON report must be byte for byte what Jackson's pretty printer makes of the same
 * tree (the layout the report always had): same escapes, same nulls, same separators.
 */
class JsonReporterTest {
    @Test
    void noFindings() throws IOException {
        assertSameAsJackson(List.of());
    }

    @Test
    void oneFinding() throws IOException {
        assertSameAsJackson(List.of(finding("bare-pod", "Pod/x has no controller", "a.yaml", new ObjectRef("v1", "Pod", "default", "x"))));
    }

    @Test
    void nullsAndEveryCharacterThatNeedsEscaping() throws IOException {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < 0x200; c++) {
            all.append(c);
        }
        all.append("\u2028\u2029\uFEFF\uD83D\uDE00 \\ \" / </script>");
        List<Finding> findings = List.of(
                finding("r", all.toString(), "dir/f\"ile.yaml", ObjectRef.NONE),
                new Finding("r", Severity.INFO, null, null, null, null, 0, 0, null, new ObjectRef(null, null, null, null)));
        assertSameAsJackson(findings);
    }

    @Test
    void manyFindingsAcrossBlocksKeepTheirOrder() throws IOException {
        Random random = new Random(7);
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            Severity s = Severity.values()[random.nextInt(Severity.values().length)];
            findings.add(new Finding("rule-" + i, s, "message " + i + " \t" + (char) random.nextInt(0x80), "fix it", "https://d/" + i,
                    "f" + i + ".yaml", i, random.nextInt(80), "spec.containers[" + i + "]",
                    new ObjectRef("apps/v1", "Deployment", i % 3 == 0 ? null : "ns", "d" + i)));
        }
        assertSameAsJackson(findings);
    }

    private static Finding finding(String rule, String message, String file, ObjectRef object) {
        return new Finding(rule, Severity.WARNING, message, "remediation", "https://docs", file, 3, 5, "spec.x", object);
    }

    private static void assertSameAsJackson(List<Finding> findings) throws IOException {
        LintReport report = new LintReport(findings, List.of(), 42);
        StringWriter written = new StringWriter();
        new JsonReporter().write(new ReportContext(report, RuleCatalog.of(List.of()), Optional.empty(), false, Path.of("."), "test"), written);
        StringWriter expected = new StringWriter();
        JsonReporter.MAPPER.writeValue(expected, tree(report));
        expected.write('\n');
        assertEquals(expected.toString(), written.toString());
    }

    /** The report as the tree the reporter used to build and have Jackson print. */
    private static ObjectNode tree(LintReport report) {
        ObjectNode root = JsonReporter.MAPPER.createObjectNode();
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
            ObjectNode obj = n.putObject("object");
            obj.put("apiVersion", f.object().apiVersion());
            obj.put("kind", f.object().kind());
            obj.put("namespace", f.object().namespace());
            obj.put("name", f.object().name());
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
