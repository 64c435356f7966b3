package dev.palisade.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.palisade.engine.Finding;
import dev.palisade.engine.RuleMeta;
import dev.palisade.model.Severity;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * SARIF 2.1.0 as GitHub code scanning accepts it: one {@code rules[]} entry per rule id that has
 * results (with helpUri to its doc), results with a real region, and artifact URIs relative to
 * {@code %SRCROOT%} (the directory palisade ran in) so the scanner can map them onto the repository.
 */
public final class SarifReporter implements Reporter {
    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    private static final String SRCROOT = "%SRCROOT%";

    @Override
    public void write(ReportContext run, Writer out) throws IOException {
        ObjectNode root = JsonReporter.MAPPER.createObjectNode();
        root.put("$schema", SCHEMA);
        root.put("version", "2.1.0");
        ObjectNode sarifRun = root.putArray("runs").addObject();
        ObjectNode driver = sarifRun.putObject("tool").putObject("driver");
        driver.put("name", "Palisade");
        driver.put("semanticVersion", run.toolVersion());
        driver.put("informationUri", "https://github.com/palisade-dev/palisade");
        Map<String, Integer> ruleIndex = new LinkedHashMap<>();
        ArrayNode rules = driver.putArray("rules");
        for (String id : new TreeSet<>(run.report().findings().stream().map(Finding::rule).toList())) {
            ruleIndex.put(id, ruleIndex.size());
            ObjectNode r = rules.addObject();
            r.put("id", id);
            RuleMeta meta = run.catalog().get(id).map(e -> e.meta()).orElse(null);
            if (meta != null) {
                r.put("name", camel(id));
                r.putObject("shortDescription").put("text", meta.summary());
                r.putObject("fullDescription").put("text", meta.summary() + " " + meta.remediation());
                r.put("helpUri", meta.docs());
                r.putObject("help").put("text", meta.remediation());
                r.putObject("defaultConfiguration").put("level", level(meta.severity()));
                r.putObject("properties").putArray("tags").add(meta.category());
            }
        }
        sarifRun.putObject("originalUriBaseIds").putObject(SRCROOT)
                .put("uri", run.baseDir().toAbsolutePath().normalize().toUri().toString());
        ArrayNode results = sarifRun.putArray("results");
        for (Finding f : run.report().findings()) {
            ObjectNode res = results.addObject();
            res.put("ruleId", f.rule());
            res.put("ruleIndex", ruleIndex.get(f.rule()));
            res.put("level", level(f.severity()));
            res.putObject("message").put("text", f.message());
            ObjectNode physical = res.putArray("locations").addObject().putObject("physicalLocation");
            ObjectNode artifact = physical.putObject("artifactLocation");
            artifactUri(run.baseDir(), f.file(), artifact);
            ObjectNode region = physical.putObject("region");
            region.put("startLine", Math.max(1, f.line()));
            region.put("startColumn", Math.max(1, f.column()));
            if (f.object().kind() != null) {
                res.putObject("properties").put("object", f.object().display());
            }
        }
        JsonReporter.MAPPER.writeValue(out, root);
        out.write('\n');
    }

    /** Relative to %SRCROOT% when the file is below it; an absolute file: URI otherwise. */
    private static void artifactUri(Path base, String file, ObjectNode artifact) {
        if (file.equals("-")) {
            artifact.put("uri", "stdin");
            return;
        }
        Path root = base.toAbsolutePath().normalize();
        Path abs = root.resolve(file).normalize();
        if (abs.startsWith(root)) {
            artifact.put("uri", relativeUri(root.relativize(abs)));
            artifact.put("uriBaseId", SRCROOT);
        } else {
            artifact.put("uri", abs.toUri().toString());
        }
    }

    /** Percent-encodes each segment (RFC 3986 unreserved characters stay as they are). */
    private static String relativeUri(Path relative) {
        StringBuilder sb = new StringBuilder();
        for (Path part : relative) {
            if (sb.length() > 0) {
                sb.append('/');
            }
            for (byte b : part.toString().getBytes(StandardCharsets.UTF_8)) {
                char c = (char) (b & 0xff);
                if (c < 128 && (Character.isLetterOrDigit(c) || "-._~".indexOf(c) >= 0)) {
                    sb.append(c);
                } else {
                    sb.append(String.format("%%%02X", b & 0xff));
                }
            }
        }
        return sb.toString();
    }

    static String level(Severity s) {
        return switch (s) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "note";
        };
    }

    /** SARIF's optional rule "name" is conventionally PascalCase: service-loadbalancer -> ServiceLoadbalancer. */
    private static String camel(String id) {
        StringBuilder sb = new StringBuilder();
        for (String part : id.split("-")) {
            if (!part.isEmpty()) {
                sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return sb.toString();
    }
}
