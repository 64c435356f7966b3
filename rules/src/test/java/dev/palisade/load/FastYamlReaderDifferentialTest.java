package dev.palisade.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.palisade.Fixtures;
import dev.palisade.model.JsonPath;
import dev.palisade.model.ManifestObject;
import dev.palisade.model.PositionIndex;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fast YAML reader must give exactly what the snakeyaml path gives, for every file it accepts:
 * same objects (node types included), same positions and plain-scalar texts, same problems. Runs
 * both paths over the repository's testdata, a generated benchmark corpus, and seeded mutations of
 * both (which mostly produce files the fast reader must refuse, or must read identically).
 */
class FastYamlReaderDifferentialTest {
    private static final ManifestLoader SNAKEYAML = new ManifestLoader(LoaderLimits.DEFAULT, "default", false);
    private static final ManifestLoader FAST = new ManifestLoader(LoaderLimits.DEFAULT, "default", true);

    @Test
    void everyTestdataFileLoadsTheSameBothWays() throws IOException {
        int accepted = 0;
        List<Path> files = manifests(Fixtures.testdata());
        for (Path file : files) {
            byte[] bytes = Files.readAllBytes(file);
            assertSameLoad(file.toString(), bytes);
            if (FastYamlReader.read(new String(bytes, StandardCharsets.UTF_8), LoaderLimits.DEFAULT) != null) {
                accepted++;
            }
        }
        // most fixtures are plain Kubernetes YAML; if the fast reader refused them all, this test would prove nothing
        assertTrue(accepted > files.size() / 2, accepted + " of " + files.size() + " fixtures read by the fast reader");
    }

    @Test
    void generatedCorpusLoadsTheSameAndEntirelyThroughTheFastReader(@TempDir Path dir) throws Exception {
        Path generator = Fixtures.testdata().getParent().resolve("bench/CorpusGenerator.java");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                generator.toString(), dir.toString(), "600", "42").redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), output);
        for (Path file : manifests(dir)) {
            String text = Files.readString(file);
            assertNotNull(FastYamlReader.read(text, LoaderLimits.DEFAULT), () -> file + " fell back to snakeyaml");
            assertSameLoad(file.toString(), text.getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * Small random edits (characters that matter to YAML inserted or deleted, lines duplicated,
     * re-indented or swapped) of the fixtures: the two paths must still agree on each mutant.
     */
    @Test
    void mutatedFilesLoadTheSameBothWays() throws IOException {
        List<String> sources = new ArrayList<>();
        for (Path file : manifests(Fixtures.testdata())) {
            if (Files.size(file) < 20_000) {
                sources.add(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
            }
        }
        Random random = new Random(7);
        int accepted = 0;
        int mutants = 5_000;
        for (int i = 0; i < mutants; i++) {
            String source = sources.get(random.nextInt(sources.size()));
            String mutant = YamlMutator.mutate(source, random, 1 + random.nextInt(3));
            assertSameLoad("mutant-" + i + ".yaml", mutant.getBytes(StandardCharsets.UTF_8));
            if (FastYamlReader.read(mutant, LoaderLimits.DEFAULT) != null) {
                accepted++;
            }
        }
        // the comparison only means something for mutants the fast reader reads rather than refuses
        assertTrue(accepted > mutants / 5, accepted + " of " + mutants + " mutants read by the fast reader");
    }

    static void assertSameLoad(String name, byte[] bytes) {
        SourceFile expected = SNAKEYAML.load(name, bytes);
        SourceFile actual = FAST.load(name, bytes);
        String context = name + (bytes.length < 3000 ? ":\n" + new String(bytes, StandardCharsets.UTF_8) : "");
        assertEquals(expected.problems(), actual.problems(), () -> "problems of " + context);
        assertEquals(expected.objects().size(), actual.objects().size(), () -> "objects of " + context);
        for (int i = 0; i < expected.objects().size(); i++) {
            ManifestObject e = expected.objects().get(i);
            ManifestObject a = actual.objects().get(i);
            assertSameTree("", e.tree(), a.tree(), context);
            assertSamePositions("", e.tree(), e.positions(), a.positions(), context);
            assertEquals(e.positions().size(), a.positions().size(), () -> "position count in " + context);
            assertEquals(e.positions().plainScalars(), a.positions().plainScalars(), () -> "plain scalars in " + context);
        }
    }

    /** Equal values of the same Jackson class at every node (IntNode and LongNode are not the same). */
    private static void assertSameTree(String path, JsonNode expected, JsonNode actual, String context) {
        assertEquals(expected.getClass(), actual.getClass(), () -> "node type at '" + path + "' in " + context);
        assertEquals(expected, actual, () -> "value at '" + path + "' in " + context);
        if (expected.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> e = expected.fields();
            Iterator<String> a = actual.fieldNames();
            while (e.hasNext()) {
                Map.Entry<String, JsonNode> field = e.next();
                assertEquals(field.getKey(), a.next(), () -> "key order at '" + path + "' in " + context);
                assertSameTree(JsonPath.child(path, field.getKey()), field.getValue(), actual.get(field.getKey()), context);
            }
        } else if (expected.isArray()) {
            for (int i = 0; i < expected.size(); i++) {
                assertSameTree(JsonPath.index(path, i), expected.get(i), actual.get(i), context);
            }
        }
    }

    private static void assertSamePositions(String path, JsonNode node, PositionIndex expected, PositionIndex actual,
            String context) {
        assertEquals(expected.exact(path), actual.exact(path), () -> "position of '" + path + "' in " + context);
        if (node.isObject()) {
            node.fieldNames().forEachRemaining(
                    k -> assertSamePositions(JsonPath.child(path, k), node.get(k), expected, actual, context));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                assertSamePositions(JsonPath.index(path, i), node.get(i), expected, actual, context);
            }
        }
    }

    static List<Path> manifests(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> p.toString().matches(".*\\.(ya?ml|json)"))
                    .filter(Files::isReadable)
                    .sorted().toList();
        }
    }
}
