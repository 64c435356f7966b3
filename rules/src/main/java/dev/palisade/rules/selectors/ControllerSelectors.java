package dev.palisade.rules.selectors;

import com.fasterxml.jackson.databind.JsonNode;
import dev.palisade.model.ManifestObject;
import io.fabric8.kubernetes.api.model.LabelSelector;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The selector with which a controller claims pods, for the kinds whose selector the user writes. */
final class ControllerSelectors {
    private static final Set<String> APPS_KINDS = Set.of("Deployment", "ReplicaSet", "StatefulSet", "DaemonSet");

    private ControllerSelectors() {
    }

    /**
     * The written spec.selector of an apps Deployment/ReplicaSet/StatefulSet/DaemonSet, an Argo Rollout,
     * a Job with manualSelector, or a ReplicationController (its map as matchLabels); empty when the
     * kind has none, the selector is absent or not a mapping (the API defaults or generates those).
     */
    static Optional<LabelSelector> of(ManifestObject o) {
        JsonNode node = o.tree().path("spec").path("selector");
        String kind = o.kind();
        String group = o.ref().group();
        if ("ReplicationController".equals(kind) && group.isEmpty()) {
            Map<String, String> pairs = Selectors.equalitySelector(node);
            return pairs.isEmpty() ? Optional.empty() : Optional.of(new LabelSelector(null, pairs));
        }
        boolean userWritten = APPS_KINDS.contains(kind) && (group.equals("apps") || group.equals("extensions"))
                || "Rollout".equals(kind) && group.equals("argoproj.io")
                || "Job".equals(kind) && group.equals("batch")
                        && o.tree().path("spec").path("manualSelector").asBoolean(false);
        return userWritten ? Selectors.labelSelector(node) : Optional.empty();
    }
}
