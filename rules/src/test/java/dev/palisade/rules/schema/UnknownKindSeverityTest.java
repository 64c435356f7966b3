package dev.palisade.rules.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.palisade.Fixtures;
import dev.palisade.config.PalisadeConfig;
import dev.palisade.engine.Engine;
import dev.palisade.engine.Finding;
import dev.palisade.load.ManifestLoader;
import dev.palisade.model.Severity;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UnknownKindSeverityTest {
    private static final String TWO_THINGS = """
            apiVersion: example.com/v1
            kind: Thing
            metadata: {name: a}
            ---
            apiVersion: example.com/v1
            kind: Thing
            metadata: {name: b}
            """;

    private static List<Finding> lint(boolean strictKinds) {
        PalisadeConfig config = PalisadeConfig.DEFAULT.withSchema(
                new PalisadeConfig.SchemaOptions(null, List.of(), List.of(), false, strictKinds));
        return new Engine(Fixtures.CATALOG, config, Set.of("unknown-kind"), Set.of())
                .lint(List.of(new ManifestLoader().load("things.yaml", TWO_THINGS))).findings();
    }

    @Test
    void infoOncePerKindByDefault() {
        List<Finding> findings = lint(false);
        assertEquals(1, findings.size(), findings.toString());
        assertEquals(Severity.INFO, findings.get(0).severity());
    }

    @Test
    void warningWithStrictKinds() {
        List<Finding> findings = lint(true);
        assertEquals(1, findings.size(), findings.toString());
        assertEquals(Severity.WARNING, findings.get(0).severity());
    }
}
