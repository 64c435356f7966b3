package dev.palisade.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.palisade.Fixtures;
import dev.palisade.config.PalisadeConfig;
import dev.palisade.load.ManifestLoader;
import dev.palisade.load.SourceFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files are loaded and linted on all cores; the output must depend neither on thread scheduling nor
 * on the order the files are handed over. Lints one corpus (every rule fixture, copied so that
 * there are enough files for the parallel streams to split) three times and compares the findings.
 */
class DeterminismTest {
    private static final int COPIES = 2;

    @Test
    void parallelLintGivesTheSameSortedFindingsWhateverTheLoadOrder(@TempDir Path corpus) throws IOException {
        List<Path> files = TwoStepLintTest.copyFixtures(corpus, COPIES);
        ManifestLoader loader = new ManifestLoader();
        List<Finding> first = lint(loader.loadAll(files));
        assertTrue(first.size() > 100, () -> "the corpus should trigger many findings, got " + first.size());
        List<Finding> sorted = new ArrayList<>(first);
        sorted.sort(Finding.ORDER);
        assertEquals(sorted, first, "findings come sorted by file, position, rule and message");
        assertEquals(first, lint(loader.loadAll(files)), "a second parallel run");
        List<SourceFile> shuffled = new ArrayList<>(loader.loadAll(files));
        Collections.shuffle(shuffled, new Random(7));
        assertEquals(first, lint(shuffled), "files handed over in another order");
    }

    private static List<Finding> lint(List<SourceFile> files) {
        return new Engine(Fixtures.CATALOG, PalisadeConfig.DEFAULT).lint(files).findings();
    }
}
