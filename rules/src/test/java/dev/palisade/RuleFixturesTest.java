package dev.palisade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.palisade.config.ConfigLoader;
import dev.palisade.engine.Engine;
import dev.palisade.engine.Finding;
import dev.palisade.engine.LintReport;
import dev.palisade.engine.RuleMeta;
import dev.palisade.load.ManifestLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every fixture under testdata/rules/&lt;rule-id&gt;/ with that rule alone and compares its
 * findings with the file's {@code # expect:} markers: a missing or an extra finding fails.
 */
class RuleFixturesTest {
    private static final Set<String> ENGINE_RULES = Set.of("internal-error", "suppression-unused");

    @TestFactory
    Stream<DynamicTest> everyFixture() throws IOException {
        Path rulesDir = Fixtures.testdata().resolve("rules");
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(rulesDir)) {
            for (Path dir : dirs.sorted().toList()) {
                String rule = dir.getFileName().toString();
                for (Path file : Fixtures.manifests(dir)) {
                    tests.add(DynamicTest.dynamicTest(rule + ": " + dir.relativize(file), () -> check(rule, dir, file)));
                }
            }
        }
        return tests.stream();
    }

    private static void check(String rule, Path dir, Path file) {
        assertTrue(Fixtures.CATALOG.contains(rule), "fixture folder names no rule: " + rule);
        // a subfolder with its own .palisade.yaml holds fixtures for non-default parameters
        Path configDir = Files.exists(file.getParent().resolve(ConfigLoader.FILE_NAME)) ? file.getParent() : dir;
        Engine engine = new Engine(Fixtures.CATALOG, Fixtures.configFor(configDir), Set.of(rule), Set.of());
        LintReport report = engine.lint(List.of(new ManifestLoader().load(file)));
        List<Finding> relevant = report.findings().stream()
                .filter(f -> f.rule().equals(rule) || f.rule().equals("internal-error"))
                .toList();
        String diff = Fixtures.diff(Fixtures.expectations(file, rule::equals), relevant);
        if (!diff.isEmpty()) {
            fail(file + " does not give the expected findings:" + diff);
        }
    }

    /** Each rule needs a fixture that fires it and one that passes, so both directions are tested. */
    @Test
    void everyRuleHasFailingAndPassingFixtures() {
        Path rulesDir = Fixtures.testdata().resolve("rules");
        List<String> problems = new ArrayList<>();
        for (RuleMeta meta : Fixtures.CATALOG.metas()) {
            if (ENGINE_RULES.contains(meta.id())) {
                continue;
            }
            Path dir = rulesDir.resolve(meta.id());
            if (!Files.isDirectory(dir)) {
                problems.add(meta.id() + ": no folder testdata/rules/" + meta.id());
                continue;
            }
            List<Path> files = Fixtures.manifests(dir);
            long firing = files.stream().filter(f -> !Fixtures.expectations(f, meta.id()::equals).isEmpty()).count();
            if (firing == 0) {
                problems.add(meta.id() + ": no fixture with '# expect: " + meta.id() + "'");
            }
            if (firing == files.size()) {
                problems.add(meta.id() + ": no passing fixture (a file without expectations)");
            }
        }
        assertEquals(List.of(), problems);
    }
}
