package dev.palisade.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.palisade.Fixtures;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConfigLoaderTest {
    private final ConfigLoader loader = new ConfigLoader(Fixtures.CATALOG, Set.of());

    @Test
    void aTagWhoseEscapesDecodeToSpacesIsAConfigProblemNotACrash() {
        // snakeyaml throws IllegalArgumentException, not a YAML error, for such a tag (found by fuzzing)
        ConfigException e = assertThrows(ConfigException.class, () -> loader.parse("x.yaml", "rules: !a%20 x\n"));
        assertEquals(List.of("a tag (!...) decodes to white space at the start or end of its name; "
                + "the configuration needs no tags"), e.problems());
    }
}
