package dev.palisade.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.palisade.Fixtures;
import dev.palisade.config.PalisadeConfig;
import dev.palisade.engine.Engine;
import dev.palisade.engine.Finding;
import dev.palisade.engine.RuleMeta;
import dev.palisade.index.LintSetIndex;
import dev.palisade.index.ObjectIndex;
import dev.palisade.index.PartialIndex;
import dev.palisade.load.ManifestLoader;
import dev.palisade.load.SourceFile;
import dev.palisade.model.ManifestObject;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The storage and services families beyond their fixtures: odd shapes, and indexes that see little. */
class StorageAndServicesTest {
    private static final Set<String> CROSS_OBJECT = Set.of("rwo-volume-shared-by-replicas", "pvc-missing",
            "rwx-unsupported-storage-class", "pv-claim-mismatch", "statefulset-service-missing");

    private static Set<String> family() {
        return Fixtures.CATALOG.metas().stream()
                .filter(m -> m.category().equals("storage") || m.category().equals("services"))
                .map(RuleMeta::id)
                .collect(Collectors.toSet());
    }

    /** Every kind of wrong shape a hand-written manifest can have where these rules look. */
    private static final String ODD_SHAPES = """
            apiVersion: v1
            kind: PersistentVolumeClaim
            metadata: {name: a}
            spec: [not, a, mapping]
            ---
            apiVersion: v1
            kind: PersistentVolumeClaim
            metadata: {name: b}
            spec:
              accessModes: {ReadWriteOnce: true}
              volumeName: [x]
              storageClassName: 42
              resources: {requests: {storage: [1Gi]}}
            ---
            apiVersion: v1
            kind: PersistentVolumeClaim
            metadata: {name: c}
            spec:
              accessModes: [null, 7, {a: b}, ReadWriteMany]
              volumeName: pv
              resources: {requests: {storage: lots}}
            ---
            apiVersion: v1
            kind: PersistentVolume
            metadata: {name: pv}
            spec:
              accessModes: ReadWriteOnce
              capacity: {storage: 1Qi}
              claimRef: oops
            ---
            apiVersion: storage.k8s.io/v1
            kind: StorageClass
            metadata: {annotations: {storageclass.kubernetes.io/is-default-class: "true"}}
            provisioner: [ebs.csi.aws.com]
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: d}
            spec:
              replicas: many
              template:
                spec:
                  containers: [{name: c, image: x}]
                  volumes: [null, 3, {name: v, persistentVolumeClaim: {claimName: [c]}},
                            {name: w, persistentVolumeClaim: {claimName: c}}, {ephemeral: {volumeClaimTemplate: {spec: 5}}}]
            ---
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata: {name: h}
            spec: {scaleTargetRef: d, maxReplicas: "10"}
            ---
            apiVersion: apps/v1
            kind: StatefulSet
            metadata: {name: s}
            spec:
              serviceName: [svc]
              volumeClaimTemplates: [null, {metadata: 1, spec: {accessModes: []}}]
              template: {spec: {containers: [{name: c, image: x}]}}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: svc}
            spec:
              type: [NodePort]
              ports: "80"
              externalIPs: 1.2.3.4
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: svc2}
            spec:
              type: ExternalName
              externalName: {host: x}
              clusterIP: 5
              ports: [null, 80, {name: 5, port: x, nodePort: "30000"}, {nodePort: 99999999999}]
              healthCheckNodePort: -1
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: svc3}
            spec: null
            ---
            apiVersion: v1
            kind: Service
            metadata: [not, a, map]
            spec:
              ports: {port: 80, nodePort: 30000}
            ---
            apiVersion: apps/v1
            kind: StatefulSet
            metadata: {name: maps-for-lists}
            spec:
              volumeClaimTemplates: {data: {spec: {accessModes: {a: ReadWriteMany}}}}
              template: {spec: {containers: [{name: c, image: x}], volumes: {data: {persistentVolumeClaim: {claimName: c}}}}}
            ---
            apiVersion: v1
            kind: PersistentVolumeClaim
            metadata: {name: modes-map}
            spec: {accessModes: {a: ReadWriteMany}, storageClassName: gp3, volumeName: pv}
            """;

    @Test
    void oddShapesGiveFindingsOrNothingButNeverACrash() {
        SourceFile file = new ManifestLoader().load("odd.yaml", ODD_SHAPES);
        Engine engine = new Engine(Fixtures.CATALOG, PalisadeConfig.DEFAULT, family(), Set.of());
        List<Finding> findings = engine.lint(List.of(file)).findings();
        assertEquals(List.of(), findings.stream().filter(f -> f.rule().equals("internal-error")).toList());
        // the shapes that are plainly wrong are still judged
        assertTrue(findings.stream().anyMatch(f -> f.rule().equals("pvc-access-mode-invalid")
                && f.message().contains("unknown access mode '7'")), findings::toString);
    }

    @Test
    void crossObjectRulesStaySilentWhenTheIndexDoesNotCoverTheKind() {
        List<ManifestObject> objects = fixtureObjects();
        LintSetIndex all = new LintSetIndex(objects);
        Engine engine = new Engine(Fixtures.CATALOG, PalisadeConfig.DEFAULT, CROSS_OBJECT, Set.of());

        List<Finding> covered = objects.stream().flatMap(o -> engine.evaluate(o, all).stream()).toList();
        assertEquals(CROSS_OBJECT, covered.stream().map(Finding::rule).collect(Collectors.toSet()),
                "each cross-object rule fires on its fixtures when the index covers everything");

        // an informer cache that was not started for any kind
        ObjectIndex blind = new PartialIndex(all, (kind, namespace) -> false);
        List<Finding> uncovered = objects.stream().flatMap(o -> engine.evaluate(o, blind).stream()).toList();
        assertEquals(List.of(), uncovered);
    }

    @Test
    void anHpaTargetOnlyCountsWhenTheIndexCoversAutoscalers() {
        List<ManifestObject> objects = load("rwo-volume-shared-by-replicas/hpa.yaml");
        LintSetIndex all = new LintSetIndex(objects);
        ObjectIndex withoutHpas = new PartialIndex(all, (kind, namespace) -> !kind.equals("HorizontalPodAutoscaler"));
        Engine engine = new Engine(Fixtures.CATALOG, PalisadeConfig.DEFAULT, Set.of("rwo-volume-shared-by-replicas"),
                Set.of());
        assertFalse(objects.stream().allMatch(o -> engine.evaluate(o, all).isEmpty()));
        assertTrue(objects.stream().allMatch(o -> engine.evaluate(o, withoutHpas).isEmpty()));
    }

    private static List<ManifestObject> fixtureObjects() {
        return List.of("pvc-missing/missing.yaml", "rwo-volume-shared-by-replicas/replicas.yaml",
                        "rwx-unsupported-storage-class/ebs.yaml", "pv-claim-mismatch/mismatch.yaml",
                        "statefulset-service-missing/missing.yaml").stream()
                .flatMap(f -> load(f).stream())
                .toList();
    }

    private static List<ManifestObject> load(String fixture) {
        Path file = Fixtures.testdata().resolve("rules").resolve(fixture);
        return new ManifestLoader().load(file).objects();
    }
}
