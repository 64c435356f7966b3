package dev.palisade.load;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Differential fuzzing of the fast YAML reader: for any input, the loader must give the same objects,
 * positions and problems with and without it (inputs it refuses go to snakeyaml and trivially agree).
 * `mvn test` replays the seeds in src/test/resources/dev/palisade/load/FastYamlReaderFuzzTestInputs;
 * JAZZER_FUZZ=1 fuzzes for real and saves any failing input there as a regression fixture.
 */
class FastYamlReaderFuzzTest {
    @FuzzTest(maxDuration = "60s")
    void sameAsSnakeyaml(byte[] data) {
        FastYamlReaderDifferentialTest.assertSameLoad("fuzz.yaml", data);
    }
}
