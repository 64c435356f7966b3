package dev.palisade.rules.selectors;

import dev.palisade.engine.ObjectContext;
import dev.palisade.engine.ObjectRule;
import dev.palisade.engine.RuleInfo;
import dev.palisade.model.LabelSelectors;
import dev.palisade.model.ManifestObject;
import dev.palisade.model.Severity;
import io.fabric8.kubernetes.api.model.LabelSelector;
import java.util.List;
import java.util.Objects;

@RuleInfo(id = "selector-overlap", severity = Severity.WARNING, category = "selectors",
        summary = "A workload's selector also selects the pods of another workload in its namespace: the "
                + "controllers count, adopt or delete each other's pods, and rollouts and PDBs see the wrong pods.",
        remediation = "Give each workload a label no other workload's pods carry (e.g. app.kubernetes.io/component) "
                + "and add it to both its selector and its pod template labels.")
public final class SelectorOverlap implements ObjectRule {
    /** How many other workloads a message names before it counts the rest. */
    private static final int NAMED = 3;

    @Override
    public void check(ObjectContext ctx) {
        ManifestObject workload = ctx.object();
        LabelSelector selector = ControllerSelectors.of(workload).orElse(null);
        if (selector == null || LabelSelectors.isEmpty(selector)) {
            return; // an empty selector is selector-template-mismatch's finding
        }
        // The index answers from its label postings, so this stays cheap with thousands of workloads.
        List<ManifestObject> others = ctx.index().podTemplates(workload.namespace(), selector).stream()
                .filter(other -> !sameObject(workload, other) && runsOwnPods(other))
                .toList();
        if (others.isEmpty()) {
            return;
        }
        String names = Selectors.firstFew(others.stream().map(o -> o.ref().display()).toList(), NAMED, ", ");
        ctx.report("spec.selector", "selector " + Selectors.describe(selector) + " also selects the pods of "
                + names + "; add a label that tells them apart to this selector and its template");
    }

    /** The same object seen twice (a duplicate manifest, or the cached version of the one admitted). */
    private static boolean sameObject(ManifestObject a, ManifestObject b) {
        return a == b || Objects.equals(a.kind(), b.kind()) && Objects.equals(a.name(), b.name())
                && Objects.equals(a.namespace(), b.namespace());
    }

    /**
     * Whether the other object's pods are up for grabs: another controller with a selector of its own,
     * or a bare Pod (controllers adopt orphans). Objects with ownerReferences (the ReplicaSets and Pods
     * a controller made) belong to that controller; Jobs and CronJobs select by a generated uid label;
     * PodTemplate objects run nothing.
     */
    private static boolean runsOwnPods(ManifestObject o) {
        var owners = o.tree().path("metadata").path("ownerReferences");
        if (owners.isArray() && !owners.isEmpty()) {
            return false;
        }
        return "Pod".equals(o.kind()) && o.ref().group().isEmpty() || ControllerSelectors.of(o).isPresent();
    }
}
