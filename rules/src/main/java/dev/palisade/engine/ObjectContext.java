package dev.palisade.engine;

import dev.palisade.config.PalisadeConfig;
import dev.palisade.index.ObjectIndex;
import dev.palisade.model.ManifestObject;
import dev.palisade.model.PodTemplateView;
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
     * Reports with a severity other than the rule's default, for rules whose severity depends on an
     * option (unknown-kind under --strict-kinds). A severity set in the config still wins.
     */
    default void report(String path, String message, dev.palisade.model.Severity severity) {
        report(path, message); // contexts that cannot vary severity report at the rule's own
    }
}
