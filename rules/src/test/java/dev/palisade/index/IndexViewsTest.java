package dev.palisade.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.palisade.Fixtures;
import dev.palisade.load.ManifestLoader;
import dev.palisade.model.ManifestObject;
import dev.palisade.model.PodTemplateView;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** What the index keeps of each object, checked over every manifest of the repository's testdata. */
class IndexViewsTest {
    private static final ManifestLoader LOADER = new ManifestLoader();

    private static List<ManifestObject> testdataObjects() throws IOException {
        try (Stream<Path> s = Files.walk(Fixtures.testdata())) {
            return s.filter(p -> p.toString().matches(".*\\.(ya?ml|json)") && Files.isRegularFile(p))
                    .sorted().flatMap(p -> LOADER.load(p).objects().stream()).toList();
        }
    }

    @Test
    void aViewAnswersLikeItsObjectForEverythingCrossObjectRulesRead() throws IOException {
        IndexViews views = new IndexViews();
        List<ManifestObject> objects = testdataObjects();
        assertTrue(objects.size() > 300);
        for (ManifestObject o : objects) {
            ManifestObject v = views.of(o);
            String what = o.source() + " " + o.ref();
            assertEquals(o.ref(), v.ref(), what);
            assertEquals(o.namespace(), v.namespace(), what);
            assertEquals(o.source(), v.source(), what);
            assertEquals(o.tree().path("metadata").path("labels"), v.tree().path("metadata").path("labels"), what);
            assertEquals(o.tree().path("metadata").path("ownerReferences"),
                    v.tree().path("metadata").path("ownerReferences"), what);
            assertEquals(o.podTemplate().isPresent(), v.podTemplate().isPresent(), what);
            if (o.podTemplate().isPresent()) {
                PodTemplateView full = o.podTemplate().get();
                PodTemplateView slim = v.podTemplate().get();
                assertEquals(full.path(), slim.path(), what);
                assertEquals(full.labels(), slim.labels(), what);
                assertEquals(full.allContainers().size(), slim.allContainers().size(), what);
                for (int i = 0; i < full.allContainers().size(); i++) {
                    var fc = full.allContainers().get(i);
                    var sc = slim.allContainers().get(i);
                    assertEquals(fc.path(), sc.path(), what);
                    assertEquals(fc.container().getName(), sc.container().getName(), what);
                    assertEquals(fc.container().getPorts(), sc.container().getPorts(), what);
                }
                assertEquals(o.tree().path("spec").path("replicas"), v.tree().path("spec").path("replicas"), what);
                assertEquals(o.tree().path("spec").path("selector"), v.tree().path("spec").path("selector"), what);
            }
            if (o.kind() != null && IndexViews.WHOLE.contains(o.kind())) {
                assertEquals(o.tree(), v.tree(), what);
                assertEquals(o.tree().toString(), v.tree().toString(), what + ": same fields in the same order");
            }
        }
    }

    @Test
    void configMapsKeepTheirKeysAndWorkloadsTheirContainersNamesAndPorts() {
        ManifestObject cm = LOADER.load("cm.yaml", """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: settings, namespace: shop}
                data: {LOG_LEVEL: debug, big.properties: "a=1"}
                binaryData: {logo.png: aGVsbG8=}
                """).objects().get(0);
        ManifestObject view = new IndexViews().of(cm);
        assertEquals("{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"settings\",\"namespace\":\"shop\"},"
                + "\"data\":{\"LOG_LEVEL\":\"\",\"big.properties\":\"\"},\"binaryData\":{\"logo.png\":\"\"}}", view.tree().toString());

        ManifestObject job = LOADER.load("cron.yaml", """
                apiVersion: batch/v1
                kind: CronJob
                metadata: {name: nightly, labels: {app: n}}
                spec:
                  schedule: "0 3 * * *"
                  jobTemplate:
                    spec:
                      backoffLimit: 2
                      template:
                        metadata: {labels: {app: n}}
                        spec:
                          restartPolicy: Never
                          containers:
                            - name: run
                              image: busybox
                              env: [{name: A, value: b}]
                              ports: [{containerPort: 8080, name: http}]
                """).objects().get(0);
        JsonNode slim = new IndexViews().of(job).tree();
        assertEquals("{\"apiVersion\":\"batch/v1\",\"kind\":\"CronJob\",\"metadata\":{\"name\":\"nightly\",\"labels\":{\"app\":\"n\"}},"
                + "\"spec\":{\"schedule\":\"0 3 * * *\",\"jobTemplate\":{\"spec\":{\"backoffLimit\":2,\"template\":{"
                + "\"metadata\":{\"labels\":{\"app\":\"n\"}},\"spec\":{\"containers\":[{\"name\":\"run\","
                + "\"ports\":[{\"containerPort\":8080,\"name\":\"http\"}]}]}}}}}}", slim.toString());
    }

    @Test
    void compactCopiesEqualTheirOriginalsAndShareRepeatedTexts() throws IOException {
        CompactTrees compact = new CompactTrees();
        for (ManifestObject o : testdataObjects()) {
            JsonNode copy = compact.copy(o.tree());
            assertEquals(o.tree(), copy);
            assertEquals(copy, o.tree());
            assertEquals(o.tree().toString(), copy.toString(), "same fields in the same order");
        }
        JsonNode a = compact.copy(LOADER.load("a.yaml", "apiVersion: v1\nkind: A\nmetadata: {name: shop}\n").objects().get(0).tree());
        JsonNode b = compact.copy(LOADER.load("b.yaml", "apiVersion: v1\nkind: B\nmetadata: {name: shop}\n").objects().get(0).tree());
        assertSame(a.path("metadata").path("name"), b.path("metadata").path("name"));
    }

    @Test
    void compactFieldsBehaveAsAMap() {
        CompactTrees.Fields fields = new CompactTrees.Fields(1);
        var one = com.fasterxml.jackson.databind.node.IntNode.valueOf(1);
        var two = com.fasterxml.jackson.databind.node.IntNode.valueOf(2);
        fields.put("a", one);
        fields.put("b", two);
        fields.put("c", one);
        assertEquals(List.of("a", "b", "c"), List.copyOf(fields.keySet()));
        assertEquals(one, fields.put("a", two));
        assertEquals(two, fields.get("a"));
        assertEquals(two, fields.remove("b"));
        assertFalse(fields.containsKey("b"));
        assertEquals(List.of("a", "c"), List.copyOf(fields.keySet()));
        var it = fields.entrySet().iterator();
        it.next();
        it.remove();
        assertEquals(List.of("c"), List.copyOf(fields.keySet()));
        assertEquals(java.util.Map.of("c", one), fields);
    }
}
