package dev.palisade.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.palisade.Fixtures;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SchemaSectionTest {
    private final ConfigLoader loader = new ConfigLoader(Fixtures.CATALOG, Set.of());

    @Test
    void readsSchemaOptionsWithPathsFromTheConfigFolder() throws ConfigException {
        PalisadeConfig c = loader.parse("/repo/.palisade.yaml", """
                schema:
                  kubernetesVersion: "1.33"
                  crds: [crds/, /abs/crd.yaml]
                  schemaLocations:
                    - schemas/{{.Group}}/{{.ResourceKind}}.json
                    - https://example.com/{{.ResourceKind}}.json
                  allowNetwork: true
                  strictKinds: yes
                """);
        PalisadeConfig.SchemaOptions s = c.schema();
        assertEquals("1.33", s.kubernetesVersion());
        assertEquals(List.of(Path.of("/repo/crds").toString(), "/abs/crd.yaml"), s.crdPaths());
        assertEquals(List.of("/repo/schemas/{{.Group}}/{{.ResourceKind}}.json",
                "https://example.com/{{.ResourceKind}}.json"), s.schemaLocations());
        assertTrue(s.allowNetwork());
        assertTrue(s.strictKinds());
    }

    @Test
    void rejectsBadValuesWithPositions() {
        ConfigException e = assertThrows(ConfigException.class, () -> loader.parse("x.yaml", """
                schema:
                  kubernetesVersion: 1.x
                  allowNetwork: maybe
                  crd: []
                """));
        assertEquals(3, e.problems().size(), e.problems().toString());
        assertTrue(e.problems().get(0).startsWith("line 2,"), e.problems().toString());
    }
}
