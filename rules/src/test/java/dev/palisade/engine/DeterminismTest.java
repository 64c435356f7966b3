package dev.palisade.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.palisade.Fixtures;
import dev.palisade.config.PalisadeConfig;
import dev.palisade.load.ManifestLoader;
import dev.palisade.load.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
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
        List<Path> files = copyFixtures(corpus);
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

    /** Every fixture manifest, COPIES times; the copies differ only in their file names. */
    private static List<Path> copyFixtures(Path corpus) throws IOException {
        List<Path> sources;
        try (Stream<Path> s = Files.walk(Fixtures.testdata().resolve("rules"))) {
            sources = s.filter(p -> p.toString().endsWith(".yaml") && !p.getFileName().toString().startsWith("."))
                    .sorted().toList();
        }
        List<Path> out = new ArrayList<>();
        for (int copy = 0; copy < COPIES; copy++) {
            for (Path source : sources) {
                Path target = corpus.resolve("copy-" + copy).resolve(source.getParent().getFileName().toString())
                        .resolve(source.getFileName().toString());
                Files.createDirectories(target.getParent());
                Files.copy(source, target);
                out.add(target);
            }
        }
        return out;
    }
}
