package dev.palisade.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.palisade.engine.Finding;
import dev.palisade.engine.RuleCatalog;
import dev.palisade.model.ManifestObject;
import dev.palisade.model.PositionIndex;
import dev.palisade.model.TypedModels;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The real catalog as the webhook configures it: schema rules only when asked for by name. */
class ConfigSnapshotTest {
    static final RuleCatalog CATALOG = RuleCatalog.load();

    /** A Service with an unknown field and a port of the wrong type: what only schema rules see. */
    static ObjectNode schemaViolations() throws Exception {
        return (ObjectNode) TypedModels.MAPPER.readTree("""
                {"apiVersion":"v1","kind":"Service","metadata":{"name":"web","namespace":"shop"},
                 "spec":{"selector":{"app":"web"},"ports":[{"port":"eighty"}],"colour":"blue"}}
                """);
    }

    static List<String> ruleIds(ConfigSnapshot snapshot) throws Exception {
        ManifestObject o = new ManifestObject(Reviewer.SOURCE, schemaViolations(), new PositionIndex(), "shop");
        return snapshot.engine().evaluate(o, ClusterIndex.none()).stream().map(Finding::rule).toList();
    }

    @Test
    void schemaRulesAreLeftToTheApiServerByDefault() throws Exception {
        ConfigSnapshot snapshot = ConfigSnapshot.parse(CATALOG, "test.yaml", "webhook:\n  mode: enforce\n");
        List<String> ids = ruleIds(snapshot);
        assertTrue(ids.stream().noneMatch(id -> CATALOG.get(id).map(e -> e.meta().category().equals("schema")).orElse(false)),
                "no schema rule runs in the webhook by default: " + ids);
    }

    @Test
    void aSchemaRuleEnabledByNameStillRuns() throws Exception {
        ConfigSnapshot snapshot = ConfigSnapshot.parse(CATALOG, "test.yaml", """
                rules:
                  schema-unknown-field: on
                """);
        List<String> ids = ruleIds(snapshot);
        assertEquals(1, ids.stream().filter("schema-unknown-field"::equals).count(), ids.toString());
        assertTrue(ids.stream().noneMatch("schema-type-mismatch"::equals), ids.toString());
    }
}
