package dev.palisade.engine;

import dev.palisade.config.PalisadeConfig;
import dev.palisade.index.ObjectIndex;
import dev.palisade.model.ManifestObject;
import dev.palisade.model.PodTemplateView;
import dev.palisade.model.Severity;
import java.util.Optional;

/** What an {@link ObjectRule} sees: one object, the lint set, its parameters, and a way to report. */
public interface ObjectContext {
    ManifestObject object();

    /** The other objects: the lint set offline, informer caches in the cluster. */
    ObjectIndex index();

    RuleParams params();

    /** The run's configuration (schema options, default namespace...). */
    PalisadeConfig config();

    /** The pod template of a workload (or the Pod itself), when the object has one. */
    default Optional<PodTemplateView> podTemplate() {
        return object().podTemplate();
    }

    /**
     * Reports a finding at {@code path}, a JSON path into the object ({@code spec.replicas}). A path
     * that is not in the source (a missing field) points at its nearest ancestor that is.
     */
    void report(String path, String message);

    /**
     * Whether another rule runs in this evaluation (enabled and selected), for the few places where two
     * rules could report one node and one of them yields to the other.
     */
    boolean runs(String ruleId);

    /**
     * Reports with a severity the rule chose for this finding (e.g. from the namespace's Pod Security
     * labels) instead of its default. A severity the user configured for the rule still wins.
     */
    void report(String path, String message, Severity severity);
}
