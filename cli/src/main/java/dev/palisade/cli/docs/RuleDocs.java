package dev.palisade.cli.docs;

import dev.palisade.engine.Engine;
import dev.palisade.engine.RuleCatalog;
import dev.palisade.engine.RuleMeta;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Rule documentation generated from {@code @RuleInfo} (and an example from the rule's fixtures), so that
 * docs cannot drift from the code: one markdown file per rule and the README's rule table.
 */
public final class RuleDocs {
    public static final String TABLE_BEGIN = "<!-- rules:begin -->";
    public static final String TABLE_END = "<!-- rules:end -->";
    private static final int MAX_EXAMPLE_LINES = 40;

    public static final String DEMO_BEGIN = "<!-- demo:begin -->";
    public static final String DEMO_END = "<!-- demo:end -->";

    private final RuleCatalog catalog;
    private final Path fixtures;
    private final String demoOutput;

    /**
     * @param fixtures   testdata/rules, or a folder that does not exist (no examples then)
     * @param demoOutput what lint prints for the demo, for the README's demo block (null: leave it)
     */
    public RuleDocs(RuleCatalog catalog, Path fixtures, String demoOutput) {
        this.catalog = catalog;
        this.fixtures = fixtures;
        this.demoOutput = demoOutput;
    }

    /** Files that differ from what would be generated (or should not exist), as paths to show. */
    public List<String> stale(Path outDir, Path readme) throws IOException {
        List<String> stale = new ArrayList<>();
        for (Map.Entry<Path, String> e : expected(outDir, readme).entrySet()) {
            Path p = e.getKey();
            if (!Files.isRegularFile(p) || !Files.readString(p, StandardCharsets.UTF_8).equals(e.getValue())) {
                stale.add(p.toString());
            }
        }
        stale.addAll(extraDocs(outDir).stream().map(p -> p + " (no such rule)").toList());
        return stale;
    }

    public void write(Path outDir, Path readme) throws IOException {
        Files.createDirectories(outDir);
        for (Map.Entry<Path, String> e : expected(outDir, readme).entrySet()) {
            Path p = e.getKey();
            if (!Files.isRegularFile(p) || !Files.readString(p, StandardCharsets.UTF_8).equals(e.getValue())) {
                Files.writeString(p, e.getValue(), StandardCharsets.UTF_8);
            }
        }
        for (Path extra : extraDocs(outDir)) {
            Files.delete(extra);
        }
    }

    private Map<Path, String> expected(Path outDir, Path readme) throws IOException {
        Map<Path, String> out = new LinkedHashMap<>();
        for (RuleMeta m : catalog.metas()) {
            out.put(outDir.resolve(m.id() + ".md"), ruleDoc(m, example(m.id(), outDir)));
        }
        if (readme != null) {
            out.put(readme, withTable(Files.readString(readme, StandardCharsets.UTF_8), readme, outDir));
        }
        return out;
    }

    /** Markdown files in the docs folder that document no rule any more. */
    private List<Path> extraDocs(Path outDir) throws IOException {
        if (!Files.isDirectory(outDir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(outDir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".md"))
                    .filter(p -> !catalog.contains(p.getFileName().toString().replaceFirst("\\.md$", "")))
                    .sorted().toList();
        }
    }

    /** One rule's page; {@code example} is a markdown section or null. */
    public static String ruleDoc(RuleMeta m, String example) {
        StringBuilder sb = new StringBuilder();
        sb.append("# ").append(m.id()).append("\n\n");
        sb.append("**Severity:** ").append(m.severity().label())
                .append(" · **Category:** ").append(m.category())
                .append(" · **Enabled by default:** ").append(m.enabledByDefault() ? "yes" : "no").append("\n\n");
        sb.append(m.summary()).append("\n\n");
        sb.append("## How to fix\n\n").append(m.remediation()).append("\n\n");
        sb.append("## Parameters\n\n");
        if (m.params().isEmpty()) {
            sb.append("None.\n\n");
        } else {
            sb.append("| Name | Type | Default | Description |\n|---|---|---|---|\n");
            for (RuleMeta.ParamMeta p : m.params()) {
                sb.append("| `").append(p.name()).append("` | ").append(p.type().name().toLowerCase(java.util.Locale.ROOT))
                        .append(" | `").append(p.defaultValue()).append("` | ").append(cell(p.description())).append(" |\n");
            }
            sb.append('\n');
        }
        if (example != null) {
            sb.append(example);
        }
        sb.append("## Configure or suppress\n\n");
        sb.append("In `.palisade.yaml`:\n\n```yaml\nrules:\n  ").append(m.id()).append(": ")
                .append(m.enabledByDefault() ? "off          # or error | warning | info" : "warning      # enable it (or error | info)");
        if (!m.params().isEmpty()) {
            sb.append("\n  # or, with parameters:\n  # ").append(m.id()).append(":\n  #   params:");
            for (RuleMeta.ParamMeta p : m.params()) {
                sb.append("\n  #     ").append(p.name()).append(": ").append(yamlValue(p));
            }
        }
        sb.append("\n```\n\n");
        sb.append("For one object, annotate it (or its pod template) with a reason:\n\n```yaml\nmetadata:\n  annotations:\n    ")
                .append(Engine.IGNORE_PREFIX).append(m.id()).append(": \"why this is fine here\"\n```\n");
        return sb.toString();
    }

    private static String yamlValue(RuleMeta.ParamMeta p) {
        return p.type() == dev.palisade.engine.RuleInfo.ParamType.STRING_LIST
                ? "[" + String.join(", ", p.defaultValue().isEmpty() ? List.of() : List.of(p.defaultValue().split(",\\s*"))) + "]"
                : p.defaultValue();
    }

    /** The document around the first line a fixture expects this rule on, or null. */
    private String example(String id, Path outDir) throws IOException {
        Path dir = fixtures.resolve(id);
        if (!Files.isDirectory(dir)) {
            return null;
        }
        Pattern marker = Pattern.compile("#\\s*expect:.*\\b" + Pattern.quote(id) + "\\b");
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().matches(".*\\.(ya?ml|json)"))
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted(Comparator.comparing(Path::toString)).toList();
        }
        for (Path f : files) {
            List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                if (marker.matcher(lines.get(i)).find()) {
                    return exampleSection(f, lines, i, outDir);
                }
            }
        }
        return null;
    }

    private static String exampleSection(Path file, List<String> lines, int hit, Path outDir) {
        int start = hit;
        while (start > 0 && !lines.get(start - 1).equals("---")) {
            start--;
        }
        int end = hit + 1;
        while (end < lines.size() && !lines.get(end).equals("---")) {
            end++;
        }
        start = Math.max(start, hit - MAX_EXAMPLE_LINES / 2);
        end = Math.min(end, start + MAX_EXAMPLE_LINES);
        String link = outDir.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize()).toString()
                .replace('\\', '/');
        return "## Example\n\nFrom [`" + file.getParent().getFileName() + "/" + file.getFileName() + "`](" + link
                + "); the line marked `# expect` is where the finding points:\n\n```yaml\n"
                + String.join("\n", lines.subList(start, end)).stripTrailing() + "\n```\n\n";
    }

    /** The README with its table replaced; the markers must be there. */
    private String withTable(String readme, Path readmePath, Path outDir) {
        int begin = readme.indexOf(TABLE_BEGIN);
        int end = readme.indexOf(TABLE_END);
        if (begin < 0 || end < begin) {
            throw new IllegalStateException(readmePath + " has no " + TABLE_BEGIN + " ... " + TABLE_END + " markers");
        }
        String docsLink = readmePath.toAbsolutePath().normalize().getParent()
                .relativize(outDir.toAbsolutePath().normalize()).toString().replace('\\', '/');
        String updated = readme.substring(0, begin + TABLE_BEGIN.length()) + "\n" + table(docsLink) + readme.substring(end);
        int demoBegin = updated.indexOf(DEMO_BEGIN);
        int demoEnd = updated.indexOf(DEMO_END);
        if (demoOutput != null && demoBegin >= 0 && demoEnd > demoBegin) {
            updated = updated.substring(0, demoBegin + DEMO_BEGIN.length()) + "\n```text\n" + demoOutput + "```\n"
                    + updated.substring(demoEnd);
        }
        return updated;
    }

    String table(String docsLink) {
        StringBuilder sb = new StringBuilder("| Rule | Severity | Category | Default | Summary |\n|---|---|---|---|---|\n");
        for (RuleMeta m : catalog.metas()) {
            sb.append("| [`").append(m.id()).append("`](").append(docsLink).append('/').append(m.id()).append(".md) | ")
                    .append(m.severity().label()).append(" | ").append(m.category()).append(" | ")
                    .append(m.enabledByDefault() ? "on" : "off").append(" | ").append(cell(m.summary())).append(" |\n");
        }
        return sb.toString();
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }

    /** " (did you mean x?)" for a mistyped rule id, or "". */
    public static String suggestion(RuleCatalog catalog, String id) {
        return catalog.metas().stream().map(RuleMeta::id)
                .filter(known -> distance(known, id) <= Math.max(2, id.length() / 4))
                .min(Comparator.comparingInt(known -> distance(known, id)))
                .map(k -> " (did you mean " + k + "?)").orElse("");
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
