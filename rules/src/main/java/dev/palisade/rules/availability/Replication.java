package dev.palisade.rules.availability;

import com.fasterxml.jackson.databind.JsonNode;
import dev.palisade.index.ObjectIndex;
import dev.palisade.model.LabelSelectors;
import dev.palisade.model.ManifestObject;
import dev.palisade.model.ObjectRef;
import dev.palisade.model.TypedModels;
import dev.palisade.model.Workloads;
import io.fabric8.kubernetes.api.model.LabelSelector;
import java.util.List;
import java.util.Optional;

/** Shared facts for availability rules: who scales a workload, which PDBs cover it, IntOrString values. */
final class Replication {
    static final String HPA = "HorizontalPodAutoscaler";
    static final String PDB = "PodDisruptionBudget";

    private Replication() {
    }

    /** A workload that keeps replicas itself, not one managed by another controller (a Deployment's ReplicaSet). */
    static boolean isTopLevelReplicated(ManifestObject o) {
        return Workloads.isReplicated(o.kind()) && o.podTemplate().isPresent() && !hasController(o);
    }

    static boolean hasController(ManifestObject o) {
        for (JsonNode owner : o.tree().path("metadata").path("ownerReferences")) {
            if (owner.path("controller").asBoolean(false)) {
                return true;
            }
        }
        return false;
    }

    /** HPAs in the workload's namespace whose scaleTargetRef names it (autoscaling v1 and v2). */
    static List<ManifestObject> autoscalersOf(ObjectIndex index, ManifestObject workload) {
        return index.list(HPA, workload.namespace()).stream().filter(h -> targets(h, workload)).toList();
    }

    private static boolean targets(ManifestObject hpa, ManifestObject workload) {
        JsonNode ref = hpa.tree().path("spec").path("scaleTargetRef");
        String apiVersion = ref.path("apiVersion").asText(null);
        boolean sameGroup = apiVersion == null
                || new ObjectRef(apiVersion, null, null, null).group().equals(workload.ref().group());
        return sameGroup && workload.kind().equals(ref.path("kind").asText(null))
                && workload.name() != null && workload.name().equals(ref.path("name").asText(null));
    }

    /** The PDB's selector (null when absent or unreadable: it selects nothing). */
    static LabelSelector selectorOf(ManifestObject pdb) {
        JsonNode node = pdb.tree().path("spec").path("selector");
        return node.isObject() ? TypedModels.read(node, LabelSelector.class).value() : null;
    }

    /** PDBs in the workload's namespace that select its pod template. */
    static List<ManifestObject> budgetsOf(ObjectIndex index, ManifestObject workload) {
        var labels = workload.podTemplate().orElseThrow().labels();
        return index.list(PDB, workload.namespace()).stream()
                .filter(p -> LabelSelectors.matches(selectorOf(p), labels))
                .toList();
    }

    /** An IntOrString field: a whole number, or a percentage written "N%". */
    record Amount(int value, boolean percent) {
        static Optional<Amount> of(JsonNode node) {
            if (node.isIntegralNumber()) {
                return Optional.of(new Amount(node.asInt(), false));
            }
            if (node.isTextual() && node.asText().matches("\\d{1,9}%")) {
                String t = node.asText();
                return Optional.of(new Amount(Integer.parseInt(t.substring(0, t.length() - 1)), true));
            }
            return Optional.empty();
        }

        /** The count for {@code total} pods, rounding percentages up or down as the controller does. */
        int scaled(int total, boolean roundUp) {
            if (!percent) {
                return value;
            }
            long product = (long) value * total;
            return (int) (roundUp ? (product + 99) / 100 : product / 100);
        }
    }
}
