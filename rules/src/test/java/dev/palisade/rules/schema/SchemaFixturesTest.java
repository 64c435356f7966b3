package dev.palisade.rules.schema;

import static org.junit.jupiter.api.Assertions.fail;

import dev.palisade.Fixtures;
import dev.palisade.config.PalisadeConfig;
import dev.palisade.engine.Engine;
import dev.palisade.engine.Finding;
import dev.palisade.engine.LintReport;
import dev.palisade.engine.RuleMeta;
import dev.palisade.load.ManifestLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every manifest under testdata/schema/ with all schema and upgrade rules, once per bundled
 * Kubernetes version, and compares findings with its {@code # expect:} markers. A first-line header
 * {@code # schema-options: versions=1.33,1.34 strict-kinds crd=crds location=schemas/{{.ResourceKind}}.json}
 * narrows the versions or sets options (paths relative to the fixture).
 */
class SchemaFixturesTest {
    private static final Pattern OPTIONS = Pattern.compile("^#\\s*schema-options:(.*)$");
    private static final Set<String> FAMILIES = Set.of("schema", "upgrade");

    @TestFactory
    Stream<DynamicTest> everyFixtureOnEveryVersion() {
        Path dir = Fixtures.testdata().resolve("schema");
        Set<String> ids = Fixtures.CATALOG.metas().stream().filter(m -> FAMILIES.contains(m.category()))
                .map(RuleMeta::id).collect(Collectors.toSet());
        List<DynamicTest> tests = new ArrayList<>();
        for (Path file : Fixtures.manifests(dir)) {
            if (dir.relativize(file).startsWith("support")) {
                continue; // CRDs and schemas that fixtures point at
            }
            Header h = header(file);
            for (BundledSchemas.Version v : BundledSchemas.versions()) {
                if (h.versions.isEmpty() || h.versions.contains(v.kubernetesVersion())) {
                    tests.add(DynamicTest.dynamicTest(dir.relativize(file) + " @ " + v.kubernetesVersion(),
                            () -> check(file, h.options(v.kubernetesVersion()), ids)));
                }
            }
        }
        return tests.stream();
    }

    private static void check(Path file, PalisadeConfig.SchemaOptions options, Set<String> ids) {
        PalisadeConfig config = PalisadeConfig.DEFAULT.withSchema(options);
        Engine engine = new Engine(Fixtures.CATALOG, config, ids, Set.of());
        LintReport report = engine.lint(List.of(new ManifestLoader().load(file)));
        List<Finding> relevant = report.findings().stream()
                .filter(f -> ids.contains(f.rule()) || f.rule().equals("internal-error")).toList();
        String diff = Fixtures.diff(Fixtures.expectations(file, ids::contains), relevant);
        if (!diff.isEmpty()) {
            fail(file + " with Kubernetes " + options.kubernetesVersion() + " does not give the expected findings:" + diff);
        }
    }

    private record Header(Set<String> versions, boolean strictKinds, List<String> crds, List<String> locations) {
        PalisadeConfig.SchemaOptions options(String version) {
            return new PalisadeConfig.SchemaOptions(version, crds, locations, false, strictKinds);
        }
    }

    private static Header header(Path file) {
        String first;
        try (Stream<String> lines = Files.lines(file)) {
            first = lines.findFirst().orElse("");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> versions = new java.util.TreeSet<>();
        List<String> crds = new ArrayList<>();
        List<String> locations = new ArrayList<>();
        boolean strict = false;
        Matcher m = OPTIONS.matcher(first);
        if (m.matches()) {
            for (String option : m.group(1).trim().split("\\s+")) {
                String[] kv = option.split("=", 2);
                switch (kv[0]) {
                    case "versions" -> versions.addAll(List.of(kv[1].split(",")));
                    case "strict-kinds" -> strict = true;
                    case "crd" -> crds.add(file.resolveSibling(kv[1]).toString());
                    case "location" -> locations.add(file.getParent().toString() + "/" + kv[1]);
                    default -> throw new IllegalArgumentException(file + ": unknown schema option " + option);
                }
            }
        }
        return new Header(versions, strict, crds, locations);
    }
}
