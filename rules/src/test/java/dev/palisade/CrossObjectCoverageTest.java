package dev.palisade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.palisade.config.PalisadeConfig;
import dev.palisade.engine.Engine;
import dev.palisade.index.LintSetIndex;
import dev.palisade.index.ObjectIndex;
import dev.palisade.load.ManifestLoader;
import dev.palisade.model.ManifestObject;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Rules that report something absent from the set must stay silent when the index does not cover the
 * kind (the webhook without that informer): the same firing fixture gives findings with the lint-set
 * index and only those needing no other object with an index that covers nothing.
 */
class CrossObjectCoverageTest {
    @ParameterizedTest
    @CsvSource({"pdb-missing, missing.yaml, 0", "hpa-replicas-conflict, conflict.yaml, 0",
            "env-ref-missing, missing.yaml, 0", "namespace-missing, missing.yaml, 0",
            "pdb-never-allows-disruption, blocking.yaml, 3"}) // 0, 0% and 100% need no replica count
    void silentWithoutCoverage(String rule, String fixture, long withoutCoverage) {
        List<ManifestObject> objects = new ManifestLoader()
                .load(Fixtures.testdata().resolve("rules").resolve(rule).resolve(fixture)).objects();
        Engine engine = new Engine(Fixtures.CATALOG, PalisadeConfig.DEFAULT, Set.of(rule), Set.of());
        long withSet = objects.stream().mapToLong(o -> engine.evaluate(o, new LintSetIndex(objects)).size()).sum();
        long withoutIndex = objects.stream().mapToLong(o -> engine.evaluate(o, ObjectIndex.EMPTY).size()).sum();
        assertTrue(withSet > withoutCoverage, "the fixture fires more with the lint-set index");
        assertEquals(withoutCoverage, withoutIndex);
    }
}
