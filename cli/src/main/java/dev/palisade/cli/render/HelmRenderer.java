package dev.palisade.cli.render;

import dev.palisade.load.ManifestLoader;
import dev.palisade.load.SourceFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders a chart with {@code helm template} and splits the output by its {@code # Source:}
 * comments, so that each finding names the template file it came from; lines are those of that
 * template's rendered output (the documents it produced, in order, separated by {@code ---} as in
 * the template), which equal the template's own lines wherever no directive adds or removes lines.
 */
public final class HelmRenderer {
    private static final Pattern SOURCE = Pattern.compile("^# Source: (.+)$");

    /** Options of one render. */
    public record Request(Path chart, List<Path> values, List<String> set, String release, String namespace) {
    }

    private HelmRenderer() {
    }

    /** Whether helm is on PATH. */
    public static boolean available() {
        return Tool.onPath("helm").isPresent();
    }

    public static List<SourceFile> render(Request r, ManifestLoader loader) throws RenderException {
        Path helm = Tool.onPath("helm").orElseThrow(() -> new RenderException(
                "helm is not on PATH: install Helm 3+ to lint charts, or render the chart yourself and "
                        + "pipe the output to 'palisade lint -'"));
        List<String> cmd = new ArrayList<>(List.of(helm.toString(), "template",
                r.release() == null ? "release" : r.release(), r.chart().toString()));
        if (r.namespace() != null) {
            cmd.addAll(List.of("--namespace", r.namespace()));
        }
        for (Path v : r.values()) {
            cmd.addAll(List.of("--values", v.toString()));
        }
        for (String s : r.set()) {
            cmd.addAll(List.of("--set", s));
        }
        String output = Tool.run(cmd, "helm template " + r.chart());
        return split(output, r.chart()).entrySet().stream()
                .map(e -> loader.load(e.getKey(), e.getValue()))
                .toList();
    }

    /**
     * Groups rendered documents by template: file name (under the chart directory) to the text of
     * its documents joined by {@code ---}.
     */
    static Map<String, String> split(String rendered, Path chart) {
        Map<String, StringBuilder> byTemplate = new LinkedHashMap<>();
        String current = chart.resolve("(rendered)").toString();
        StringBuilder doc = new StringBuilder();
        for (String line : rendered.split("\n", -1)) {
            if (line.equals("---")) {
                append(byTemplate, current, doc);
                doc = new StringBuilder();
                continue;
            }
            Matcher m = SOURCE.matcher(line);
            if (m.matches()) {
                // The comment is helm's, not the template's: dropping it keeps rendered lines
                // aligned with the template's wherever no directive adds or removes lines.
                current = templateFile(chart, m.group(1));
                continue;
            }
            doc.append(line).append('\n');
        }
        append(byTemplate, current, doc);
        Map<String, String> out = new LinkedHashMap<>();
        byTemplate.forEach((k, v) -> out.put(k, v.toString()));
        return out;
    }

    private static void append(Map<String, StringBuilder> byTemplate, String file, StringBuilder doc) {
        if (doc.toString().isBlank()) {
            return;
        }
        StringBuilder existing = byTemplate.get(file);
        if (existing == null) {
            byTemplate.put(file, new StringBuilder(doc));
        } else {
            existing.append("---\n").append(doc);
        }
    }

    /** "mychart/templates/x.yaml" (or "mychart/charts/sub/templates/x.yaml") under the chart dir. */
    private static String templateFile(Path chart, String source) {
        int slash = source.indexOf('/');
        String inChart = slash < 0 ? source : source.substring(slash + 1);
        return chart.resolve(inChart).toString();
    }
}
