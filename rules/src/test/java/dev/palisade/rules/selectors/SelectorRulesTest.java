package dev.palisade.rules.selectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.palisade.Fixtures;
import dev.palisade.config.PalisadeConfig;
import dev.palisade.engine.Engine;
import dev.palisade.engine.Finding;
import dev.palisade.index.LintSetIndex;
import dev.palisade.index.ObjectIndex;
import dev.palisade.index.PartialIndex;
import dev.palisade.load.ManifestLoader;
import dev.palisade.model.ManifestObject;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SelectorRulesTest {
    private static Engine engine(String rule) {
        return new Engine(Fixtures.CATALOG, PalisadeConfig.DEFAULT, Set.of(rule), Set.of());
    }

    private static String deployment(String name, String selectorLabels, String templateLabels) {
        return """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: %s, namespace: shop}
                spec:
                  selector: {matchLabels: {%s}}
                  template:
                    metadata: {labels: {%s}}
                    spec: {containers: [{name: c, image: "shop:1"}]}
                ---
                """.formatted(name, selectorLabels, templateLabels);
    }

    /** Thousands of workloads in one namespace sharing a label: only the real overlaps are found. */
    @Test
    void selectorOverlapScalesToThousandsOfWorkloads() {
        StringBuilder yaml = new StringBuilder();
        int count = 3000;
        for (int i = 0; i < count; i++) {
            yaml.append(deployment("svc-" + i, "part-of: shop, app: svc-" + i, "part-of: shop, app: svc-" + i));
        }
        // svc-7's selector also selects this one's pods.
        yaml.append(deployment("svc-7-canary", "part-of: shop, app: svc-7, track: canary",
                "part-of: shop, app: svc-7, track: canary"));
        var file = new ManifestLoader().load("many.yaml", yaml.toString());
        assertEquals(count + 1, file.objects().size());

        List<Finding> findings = engine("selector-overlap").lint(List.of(file)).findings();

        assertEquals(1, findings.size(), findings.toString());
        assertEquals("svc-7", findings.get(0).object().name());
        assertTrue(findings.get(0).message().contains("Deployment/shop/svc-7-canary"), findings.get(0).message());
    }

    /** In the webhook an index without a cache for a kind must skip "matches nothing" findings. */
    @Test
    void noMatchRulesStaySilentWhenTheIndexDoesNotCoverTheNamespace() {
        String yaml = """
                apiVersion: v1
                kind: Service
                metadata: {name: web, namespace: shop}
                spec:
                  selector: {app: web}
                  ports: [{port: 80}]
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: bare, namespace: shop}
                spec:
                  ports: [{port: 80}]
                ---
                apiVersion: policy/v1
                kind: PodDisruptionBudget
                metadata: {name: web, namespace: shop}
                spec:
                  minAvailable: 1
                  selector: {matchLabels: {app: web}}
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: web, namespace: shop}
                spec:
                  podSelector: {matchLabels: {app: web}}
                ---
                apiVersion: autoscaling/v2
                kind: HorizontalPodAutoscaler
                metadata: {name: web, namespace: shop}
                spec:
                  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
                  maxReplicas: 3
                ---
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: web, namespace: shop}
                spec:
                  defaultBackend: {service: {name: web2, port: {number: 80}}}
                """;
        List<ManifestObject> objects = new ManifestLoader().load("partial.yaml", yaml).objects();
        ObjectIndex full = new LintSetIndex(objects);
        ObjectIndex otherNamespacesOnly = new PartialIndex(full, (kind, namespace) -> namespace != null && !"shop".equals(namespace));
        List<String> rules = List.of("service-selector-no-match", "service-selector-missing",
                "pdb-selector-no-match", "networkpolicy-selector-no-match", "hpa-target-missing",
                "ingress-backend-missing");
        for (String rule : rules) {
            Engine engine = engine(rule);
            long withFullIndex = objects.stream().mapToLong(o -> engine.evaluate(o, full).size()).sum();
            long withPartialIndex = objects.stream().mapToLong(o -> engine.evaluate(o, otherNamespacesOnly).size()).sum();
            assertEquals(1, withFullIndex, rule + " should fire once with a complete index");
            assertEquals(0, withPartialIndex, rule + " must skip what the index does not cover");
        }
    }

    @Test
    void labelSyntaxFollowsTheApiServer() {
        assertNull(LabelSyntax.keyProblem("app"));
        assertNull(LabelSyntax.keyProblem("app.kubernetes.io/name"));
        assertNull(LabelSyntax.keyProblem("a".repeat(253 - 4) + ".com/" + "n".repeat(63)));
        assertTrue(LabelSyntax.keyProblem("n".repeat(64)).contains("64 characters"));
        assertTrue(LabelSyntax.keyProblem("a".repeat(250) + ".com/x").contains("at most 253"));
        assertTrue(LabelSyntax.keyProblem("Example.com/x").contains("DNS subdomain"));
        assertTrue(LabelSyntax.keyProblem("example..com/x").contains("DNS subdomain"));
        assertTrue(LabelSyntax.keyProblem("app_").contains("start and end"));
        assertTrue(LabelSyntax.keyProblem("").contains("empty"));
        assertNull(LabelSyntax.valueProblem(""));
        assertNull(LabelSyntax.valueProblem("v1.2_3-X"));
        assertTrue(LabelSyntax.valueProblem("x".repeat(64)).contains("64 characters"));
        assertTrue(LabelSyntax.valueProblem("a/b").contains("may contain only"));
    }
}
