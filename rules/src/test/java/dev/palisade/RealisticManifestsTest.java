package dev.palisade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.palisade.config.PalisadeConfig;
import dev.palisade.engine.Engine;
import dev.palisade.engine.LintReport;
import dev.palisade.engine.RuleMeta;
import dev.palisade.load.ManifestLoader;
import dev.palisade.load.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Lints each application under testdata/realistic/ as one set (as {@code palisade lint <dir>} would)
 * with the default rule set and compares every finding, infos included, with the files'
 * {@code # expect:} markers. These are manifests people really apply: a finding without a marker is a
 * false positive to fix in its rule, a marker without a finding is a regression.
 */
class RealisticManifestsTest {
    @TestFactory
    Stream<DynamicTest> everyApplication() throws IOException {
        Path realistic = Fixtures.testdata().resolve("realistic");
        try (Stream<Path> dirs = Files.list(realistic)) {
            return dirs.filter(Files::isDirectory).sorted().toList().stream()
                    .map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> check(dir)));
        }
    }

    /** Default-off rules too: none may throw (an internal-error finding) on manifests like these. */
    @Test
    void noRuleFailsOnRealisticManifests() {
        Set<String> all = Fixtures.CATALOG.metas().stream().map(RuleMeta::id).collect(Collectors.toSet());
        Engine engine = new Engine(Fixtures.CATALOG, PalisadeConfig.DEFAULT, all, Set.of());
        ManifestLoader loader = new ManifestLoader();
        List<SourceFile> files = Fixtures.manifests(Fixtures.testdata().resolve("realistic")).stream()
                .map(loader::load).toList();
        List<String> failures = engine.lint(files).findings().stream()
                .filter(f -> f.rule().equals("internal-error"))
                .map(f -> f.file() + ":" + f.line() + " " + f.message())
                .toList();
        assertEquals(List.of(), failures);
    }

    private static void check(Path dir) {
        Engine engine = new Engine(Fixtures.CATALOG, PalisadeConfig.DEFAULT, Set.of(), Set.of());
        ManifestLoader loader = new ManifestLoader();
        List<Path> manifests = Fixtures.manifests(dir);
        List<SourceFile> files = manifests.stream().map(loader::load).toList();
        LintReport report = engine.lint(files);
        List<Fixtures.Expected> expected = new ArrayList<>();
        for (Path file : manifests) {
            expected.addAll(Fixtures.expectations(file, rule -> true));
        }
        String diff = Fixtures.diff(expected, report.findings());
        if (!diff.isEmpty()) {
            fail(dir.getFileName() + " does not give the expected findings:" + diff);
        }
    }
}
