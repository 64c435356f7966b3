package dev.palisade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.palisade.config.PalisadeConfig;
import dev.palisade.engine.Engine;
import dev.palisade.engine.Finding;
import dev.palisade.engine.LintReport;
import dev.palisade.load.ManifestLoader;
import dev.palisade.load.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile and broken input (testdata/bad): every file gives a clear finding with a position or reads
 * fine, no rule crashes, and one bad file never hides the others. The time bounds are hang guards,
 * not benchmarks: they are tens of times above what the inputs take.
 */
class BadInputTest {
    /** Files that are valid despite looking odd: they must load without any input finding. */
    private static final Set<String> READABLE = Set.of("bom.yaml", "crlf.yaml", "utf16.yaml", "empty.yaml",
            "only-comments.yaml");

    /** schema-type-mismatch reports wrong types where a schema covers the kind (field-type-invalid defers). */
    private static final Set<String> INPUT_RULES = Set.of("yaml-syntax", "yaml-duplicate-key",
            "manifest-kind-missing", "manifest-too-large", "field-type-invalid", "schema-type-mismatch");

    @Test
    void everyBadFileGivesAPositionedFindingAndTheRunGoesOn() {
        List<Path> files = Fixtures.manifests(Fixtures.testdata().resolve("bad"));
        ManifestLoader loader = new ManifestLoader();
        LintReport report = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            List<SourceFile> sources = files.stream().map(loader::load).toList();
            return new Engine(Fixtures.CATALOG, PalisadeConfig.DEFAULT).lint(sources);
        });
        Map<String, List<Finding>> byFile = report.findings().stream()
                .collect(Collectors.groupingBy(f -> Path.of(f.file()).getFileName().toString()));
        List<String> problems = new ArrayList<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            List<Finding> input = byFile.getOrDefault(name, List.of()).stream()
                    .filter(f -> INPUT_RULES.contains(f.rule())).toList();
            if (READABLE.contains(name) && !input.isEmpty()) {
                problems.add(name + " should read cleanly but gave " + input);
            }
            if (!READABLE.contains(name) && input.isEmpty()) {
                problems.add(name + " gave no input finding");
            }
            for (Finding f : input) {
                if (f.line() < 1 || f.column() < 1 || f.message().isBlank()) {
                    problems.add(name + ": finding without position or message: " + f);
                }
            }
        }
        assertEquals(List.of(), problems);
        assertTrue(report.findings().stream().noneMatch(f -> f.rule().equals("internal-error")),
                () -> "a rule crashed: " + report.findings().stream().filter(f -> f.rule().equals("internal-error")).toList());
        assertTrue(report.objects() >= READABLE.size() - 2, "the readable files' objects were linted");
    }

    @Test
    void aTenMegabyteLineIsRefusedQuickly(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("long-line.yaml");
        Files.writeString(file, "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: long}\ndata:\n  k: "
                + "x".repeat(10 * 1024 * 1024) + "\n");
        SourceFile f = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> new ManifestLoader().load(file));
        assertEquals(0, f.objects().size());
        assertEquals("TOO_LARGE", f.problems().get(0).kind().name());
    }

    @Test
    void ahundredThousandDocumentsInOneFileAreAllRead(@TempDir Path dir) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 100_000; i++) {
            sb.append("---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm-").append(i).append("}\n");
        }
        Path file = dir.resolve("many.yaml");
        Files.writeString(file, sb);
        SourceFile f = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> new ManifestLoader().load(file));
        assertEquals(100_000, f.objects().size());
        assertFalse(f.objects().isEmpty());
        assertEquals(List.of(), f.problems());
    }
}
