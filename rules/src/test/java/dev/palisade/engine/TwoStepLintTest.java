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
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A large run streams: it reads each file twice (once for the index, once to lint it), its index
 * holds slim views instead of the objects, and it keeps of each file only those views and the lines
 * findings point at. Over every rule fixture it must report exactly what linting the files held in
 * memory (the objects themselves in the index) reports, and reporters must see the same lines.
 */
class TwoStepLintTest {
    private static final Engine ENGINE = new Engine(Fixtures.CATALOG, PalisadeConfig.DEFAULT);

    @Test
    void readingEachFileAgainReportsWhatHoldingThemReports(@TempDir Path corpus) throws IOException {
        List<Path> files = copyFixtures(corpus, 1);
        assertTrue(files.size() > 100, "enough files for the engine to read them twice");
        ManifestLoader loader = new ManifestLoader();
        Map<Path, AtomicInteger> loads = new ConcurrentHashMap<>();
        List<LintInput> inputs = files.stream().map(p -> counted(p.toString(), () -> loader.load(p),
                loads.computeIfAbsent(p, k -> new AtomicInteger()))).toList();
        List<SourceFile> held = loader.loadAll(files);

        LintReport twoReads = ENGINE.lint(inputs, views -> { }, 100); // above 100 inputs: read twice
        LintReport inMemory = ENGINE.lint(held);

        assertTrue(twoReads.findings().size() > 100, "the corpus triggers many findings");
        assertEquals(inMemory.findings(), twoReads.findings());
        assertEquals(inMemory.objects(), twoReads.objects());
        assertEquals(files.size(), twoReads.files().size());
        loads.forEach((p, n) -> assertEquals(2, n.get(), () -> p + " is read once for the index, once to lint"));
        for (Finding f : twoReads.findings()) {
            int i = files.indexOf(Path.of(f.file()));
            assertEquals(held.get(i).line(f.line()), twoReads.files().get(i).line(f.line()), f::toString);
            assertEquals(twoReads.files().get(i).objects().size(), held.get(i).objects().size());
        }
    }

    @Test
    void aFindingOfAnotherFileWithTheSamePathShowsTheFirstFilesLine() {
        ManifestLoader loader = new ManifestLoader();
        SourceFile first = loader.load("same.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n");
        SourceFile second = loader.load("same.yaml",
                "# a comment first\n# and another\n\n\napiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n"
                        + "spec:\n  containers:\n    - name: c\n      image: nginx\n");
        LintReport report = ENGINE.lint(List.of(LintInput.of(first), LintInput.of(second)), objects -> { }, 0);
        assertTrue(report.findings().stream().anyMatch(f -> f.line() > 4), "the Pod has findings below line 4");
        for (Finding f : report.findings()) {
            assertEquals(first.line(f.line()), report.files().get(0).line(f.line()), f::toString);
        }
    }

    @Test
    void aRunOfMoreThanFiveThousandFilesStreamsWhateverTheHeap() {
        assertTrue(Engine.HOLD_LOADED_FILES <= Engine.STREAM_ABOVE_INPUTS, "a large heap does not hold a large run");
        ManifestLoader loader = new ManifestLoader();
        AtomicInteger loads = new AtomicInteger();
        List<LintInput> inputs = new ArrayList<>();
        for (int i = 0; i <= Engine.HOLD_LOADED_FILES; i++) {
            String text = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c" + i + "\n";
            String path = "c" + i + ".yaml";
            inputs.add(counted(path, () -> loader.load(path, text), loads));
        }

        ENGINE.lint(inputs.subList(0, Engine.HOLD_LOADED_FILES), views -> { });
        assertEquals(Engine.HOLD_LOADED_FILES, loads.getAndSet(0), "up to the limit each file is read once");
        ENGINE.lint(inputs, views -> { });
        assertEquals(2 * inputs.size(), loads.get(), "above it each file is read twice");
    }

    /** An input that reads afresh on every load and counts the loads in {@code loads}. */
    private static LintInput counted(String path, Supplier<SourceFile> read, AtomicInteger loads) {
        return new LintInput() {
            @Override
            public String path() {
                return path;
            }

            @Override
            public SourceFile load() {
                loads.incrementAndGet();
                return read.get();
            }
        };
    }

    /** Every fixture manifest, {@code copies} times under other folder names (DeterminismTest uses it too). */
    static List<Path> copyFixtures(Path corpus, int copies) throws IOException {
        List<Path> sources;
        try (Stream<Path> s = Files.walk(Fixtures.testdata().resolve("rules"))) {
            sources = s.filter(p -> p.toString().endsWith(".yaml") && !p.getFileName().toString().startsWith("."))
                    .sorted().toList();
        }
        List<Path> out = new ArrayList<>();
        for (int copy = 0; copy < copies; copy++) {
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
