package dev.palisade.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.palisade.load.ManifestLoader;
import dev.palisade.model.LabelSelectors;
import dev.palisade.model.ManifestObject;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LintSetIndexTest {
    private static final String OBJECTS = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec:
              template:
                metadata: {labels: {app: web, tier: front}}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: api}
            spec:
              template:
                metadata: {labels: {app: api, tier: back}}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: debug, labels: {app: web}}
            ---
            apiVersion: batch/v1
            kind: CronJob
            metadata: {name: report}
            spec:
              jobTemplate:
                spec:
                  template:
                    metadata: {labels: {job: report}}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: prod}
            spec:
              template:
                metadata: {labels: {app: web, tier: front}}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: web, namespace: prod}
            ---
            apiVersion: v1
            kind: Namespace
            metadata: {name: prod}
            """;

    private final List<ManifestObject> objects = new ManifestLoader().load("objects.yaml", OBJECTS).objects();
    private final LintSetIndex index = new LintSetIndex(objects);

    private static LabelSelector selector(Map<String, String> labels, LabelSelectorRequirement... expressions) {
        return new LabelSelector(expressions.length == 0 ? null : List.of(expressions), labels);
    }

    private static LabelSelectorRequirement req(String key, String op, String... values) {
        return new LabelSelectorRequirement(key, op, values.length == 0 ? null : List.of(values));
    }

    private static List<String> names(List<ManifestObject> found) {
        return found.stream().map(o -> o.kind() + "/" + o.name()).toList();
    }

    @Test
    void listsByKindAndNamespaceWithTheDefaultNamespaceForUnnamespacedObjects() {
        assertEquals(List.of("Deployment/web", "Deployment/api"), names(index.list("Deployment", "default")));
        assertEquals(List.of("Deployment/web"), names(index.list("Deployment", "prod")));
        assertEquals(3, index.list("Deployment", null).size());
        assertEquals(List.of("Namespace/prod"), names(index.list("Namespace", "anything")));
        assertEquals(List.of(), index.list("Service", "default"));
        assertEquals("prod", index.get("Service", "prod", "web").orElseThrow().namespace());
        assertEquals("default", index.get("Deployment", "default", "web").orElseThrow().namespace());
        assertEquals("prod", index.get("Deployment", "prod", "web").orElseThrow().namespace());
        assertTrue(index.get("Service", "default", "web").isEmpty());
        assertTrue(index.get("Deployment", "default", null).isEmpty());
        assertEquals("prod", index.get("Namespace", "any", "prod").orElseThrow().name());
    }

    @Test
    void selectorQueriesFollowSelectorSemanticsInOneNamespace() {
        assertEquals(List.of("Deployment/web", "Pod/debug"), names(index.podTemplates("default", selector(Map.of("app", "web")))));
        assertEquals(List.of("Deployment/web"), names(index.podTemplates("default",
                selector(Map.of("app", "web"), req("tier", "Exists")))));
        assertEquals(List.of("Deployment/web", "Deployment/api", "Pod/debug"), names(index.podTemplates("default",
                selector(null, req("app", "In", "api", "web")))));
        assertEquals(List.of("Pod/debug", "CronJob/report"), names(index.podTemplates("default",
                selector(null, req("tier", "DoesNotExist")))));
        assertEquals(List.of("Deployment/api", "CronJob/report"), names(index.podTemplates("default",
                selector(null, req("app", "NotIn", "web")))));
        assertEquals(4, index.podTemplates("default", selector(null)).size(), "an empty selector selects all");
        assertEquals(List.of(), index.podTemplates("default", (LabelSelector) null), "a null selector selects none");
        assertEquals(List.of(), index.podTemplates("default", selector(null, req("app", "Bogus", "web"))));
        assertEquals(List.of("Deployment/web"), names(index.podTemplates("prod", Map.of("tier", "front"))));
        assertEquals(List.of(), index.podTemplates("elsewhere", selector(null)));
    }

    /** The label postings must give exactly what a scan with LabelSelectors gives, in input order. */
    @Test
    void indexedQueriesAgreeWithAScan() {
        List<LabelSelector> selectors = new ArrayList<>();
        String[] keys = {"app", "tier", "job", "missing"};
        String[] ops = {"In", "NotIn", "Exists", "DoesNotExist"};
        for (String key : keys) {
            for (String op : ops) {
                selectors.add(selector(null, req(key, op, "web", "back", "report")));
                selectors.add(selector(Map.of("app", "web"), req(key, op, "front")));
            }
            selectors.add(selector(Map.of(key, "web")));
        }
        for (LabelSelector s : selectors) {
            for (String ns : List.of("default", "prod")) {
                List<ManifestObject> scanned = index.podTemplates(ns, labels -> LabelSelectors.matches(s, labels));
                assertEquals(names(scanned), names(index.podTemplates(ns, s)), s.toString());
            }
        }
    }
}
