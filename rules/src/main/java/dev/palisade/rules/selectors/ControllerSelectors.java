package dev.palisade.rules.selectors;

import com.fasterxml.jackson.databind.JsonNode;
import dev.palisade.model.ManifestObject;
import io.fabric8.kubernetes.api.model.LabelSelector;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The selector with which a controller claims pods, for the kinds whose selector the user writes. */
final class ControllerSelectors {
    private static final String MEMO = ControllerSelectors.class.getName();
    private static final Set<String> APPS_KINDS = Set.of("Deployment", "ReplicaSet", "StatefulSet", "DaemonSet");

    private ControllerSelectors() {
    }

    /**
     * The written spec.selector of an apps Deployment/ReplicaSet/StatefulSet/DaemonSet, an Argo Rollout,
     * a Job with manualSelector, or a ReplicationController (its map as matchLabels); empty when the
     * kind has none, the selector is absent or not a mapping (the API defaults or generates those).
     * Read once per object: selector-overlap asks it of every workload its selector matches, too.
     */
    static Optional<LabelSelector> of(ManifestObject o) {
        return o.memo(MEMO, () -> read(o));
    }

    private static Optional<LabelSelector> read(ManifestObject o) {
        JsonNode node = o.tree().path("spec").path("selector");
        if (isReplicationController(o)) {
            Map<String, String> pairs = Selectors.equalitySelector(node);
            return pairs.isEmpty() ? Optional.empty() : Optional.of(new LabelSelector(null, pairs));
        }
        boolean userWritten = isAppsController(o) || isRollout(o) || isManualSelectorJob(o);
        return userWritten ? Selectors.labelSelector(node) : Optional.empty();
    }

    /** A Deployment, ReplicaSet, StatefulSet or DaemonSet of apps/* (or the old extensions group). */
    static boolean isAppsController(ManifestObject o) {
        String group = o.ref().group();
        return APPS_KINDS.contains(o.kind()) && (group.equals("apps") || group.equals("extensions"));
    }

    /** An Argo Rollout, which requires a selector like apps/v1 Deployments. */
    static boolean isRollout(ManifestObject o) {
        return "Rollout".equals(o.kind()) && "argoproj.io".equals(o.ref().group());
    }

    /** A Job whose selector the user writes; otherwise the API generates one from the Job's uid. */
    static boolean isManualSelectorJob(ManifestObject o) {
        return "Job".equals(o.kind()) && "batch".equals(o.ref().group())
                && o.tree().path("spec").path("manualSelector").asBoolean(false);
    }

    static boolean isReplicationController(ManifestObject o) {
        return "ReplicationController".equals(o.kind()) && o.ref().group().isEmpty();
    }
}
