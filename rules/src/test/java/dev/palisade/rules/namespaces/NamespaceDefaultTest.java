package dev.palisade.rules.namespaces;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.palisade.Fixtures;
import dev.palisade.config.PalisadeConfig;
import dev.palisade.config.RuleConfig;
import dev.palisade.engine.Engine;
import dev.palisade.engine.Finding;
import dev.palisade.load.LoaderLimits;
import dev.palisade.load.ManifestLoader;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The 'implicit' parameter, which a fixture folder (one config per folder) cannot show next to the default. */
class NamespaceDefaultTest {
    private static final String MANIFESTS = """
            apiVersion: v1
            kind: Service
            metadata:
              name: web
            spec:
              ports: [{port: 80}]
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: api
              namespace: shop
            spec:
              ports: [{port: 80}]
            """;

    private static List<Finding> lint(PalisadeConfig config) {
        Engine engine = new Engine(Fixtures.CATALOG, config, Set.of("namespace-default"), Set.of());
        ManifestLoader loader = new ManifestLoader(LoaderLimits.DEFAULT, config.namespaceOrDefault());
        return engine.lint(List.of(loader.load("services.yaml", MANIFESTS))).findings();
    }

    private static PalisadeConfig implicit(boolean on) {
        RuleConfig rule = new RuleConfig(null, null, Map.of("implicit", on));
        return new PalisadeConfig(null, Map.of("namespace-default", rule), List.of(), null, Map.of(),
                PalisadeConfig.SchemaOptions.DEFAULT);
    }

    @Test
    void implicitDefaultIsReportedOnlyWhenAskedFor() {
        assertEquals(List.of(), lint(implicit(false)));
        List<Finding> findings = lint(implicit(true));
        assertEquals(1, findings.size());
        assertEquals(3, findings.get(0).line());
        assertEquals("Service web names no namespace and lands in 'default'; set metadata.namespace",
                findings.get(0).message());
    }

    @Test
    void configuredNamespaceIsNotDefault() {
        assertEquals(List.of(), lint(implicit(true).withNamespace("shop")));
    }
}
