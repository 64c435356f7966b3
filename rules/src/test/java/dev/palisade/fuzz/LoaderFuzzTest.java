package dev.palisade.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.palisade.config.PalisadeConfig;
import dev.palisade.engine.Engine;
import dev.palisade.engine.Finding;
import dev.palisade.engine.LintReport;
import dev.palisade.engine.RuleCatalog;
import dev.palisade.load.LoaderLimits;
import dev.palisade.load.ManifestLoader;
import dev.palisade.load.SourceFile;
import java.util.List;

/**
 * Fuzzes the loader and every rule with arbitrary bytes. Whatever the input, loading must not throw,
 * findings must have positions, and no rule may fail (internal-error). `mvn test` replays the seeds in
 * src/test/resources/dev/palisade/fuzz/LoaderFuzzTestInputs; JAZZER_FUZZ=1 fuzzes for real and saves
 * any crashing input there, where it stays as a regression fixture.
 */
class LoaderFuzzTest {
    private static final RuleCatalog CATALOG = RuleCatalog.load();
    private static final Engine ENGINE = new Engine(CATALOG, PalisadeConfig.DEFAULT);
    /** Smaller limits than the default keep each fuzz iteration fast; the code paths are the same. */
    private static final ManifestLoader LOADER =
            new ManifestLoader(new LoaderLimits(1 << 20, 256 * 1024, 50, 20_000, 64), "default");

    @FuzzTest(maxDuration = "60s")
    void loadAndLint(byte[] data) {
        SourceFile file = LOADER.load("fuzz.yaml", data);
        LintReport report = ENGINE.lint(List.of(file));
        for (Finding f : report.findings()) {
            assertTrue(f.line() >= 1 && f.column() >= 1, () -> "finding without position: " + f);
            assertTrue(!f.rule().equals("internal-error"), () -> "a rule crashed: " + f.message());
        }
    }
}
