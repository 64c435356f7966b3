package dev.palisade;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.palisade.config.PalisadeConfig;
import dev.palisade.engine.Engine;
import dev.palisade.engine.Finding;
import dev.palisade.engine.RuleMeta;
import dev.palisade.load.ManifestLoader;
import dev.palisade.load.SourceFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every rule, default-off ones included, over every fixture of every rule at once: shapes written for
 * one rule must not make another throw (an internal-error finding).
 */
class AllRulesOnFixturesTest {
    @Test
    void noRuleFailsOnAnyFixture() {
        Set<String> all = Fixtures.CATALOG.metas().stream().map(RuleMeta::id).collect(Collectors.toSet());
        Engine engine = new Engine(Fixtures.CATALOG, PalisadeConfig.DEFAULT, all, Set.of());
        ManifestLoader loader = new ManifestLoader();
        List<SourceFile> files = Fixtures.manifests(Fixtures.testdata().resolve("rules")).stream()
                .map(loader::load).toList();
        List<String> failures = engine.lint(files).findings().stream()
                .filter(f -> f.rule().equals("internal-error"))
                .map(AllRulesOnFixturesTest::describe)
                .toList();
        assertEquals(List.of(), failures);
    }

    private static String describe(Finding f) {
        return Path.of(f.file()).getFileName() + ":" + f.line() + " " + f.message();
    }
}
