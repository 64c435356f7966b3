package dev.palisade.engine;

import dev.palisade.index.ObjectIndex;
import dev.palisade.model.ManifestObject;
import io.fabric8.kubernetes.api.model.LabelSelector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The lint set's index as one of its objects sees it: where the index answers with that object's
 * slim view, the object itself stands in, so a rule that looks for the object it checks among the
 * answers (the first object of its kind, the same workload twice) finds it as before.
 */
final class OwnEntryIndex implements ObjectIndex {
    private final ObjectIndex index;
    private final ManifestObject view;
    private final ManifestObject self;

    OwnEntryIndex(ObjectIndex index, ManifestObject view, ManifestObject self) {
        this.index = index;
        this.view = view;
        this.self = self;
    }

    @Override
    public List<ManifestObject> list(String kind, String namespace) {
        return own(index.list(kind, namespace));
    }

    @Override
    public Optional<ManifestObject> get(String kind, String namespace, String name) {
        return index.get(kind, namespace, name).map(o -> o == view ? self : o);
    }

    @Override
    public List<ManifestObject> customResources(String namespace) {
        return own(index.customResources(namespace));
    }

    @Override
    public List<ManifestObject> podTemplates(String namespace, Predicate<Map<String, String>> matches) {
        return own(index.podTemplates(namespace, matches));
    }

    @Override
    public List<ManifestObject> podTemplates(String namespace, LabelSelector selector) {
        return own(index.podTemplates(namespace, selector));
    }

    @Override
    public List<ManifestObject> podTemplates(String namespace, Map<String, String> equalitySelector) {
        return own(index.podTemplates(namespace, equalitySelector));
    }

    @Override
    public boolean covers(String kind) {
        return index.covers(kind);
    }

    @Override
    public boolean covers(String kind, String namespace) {
        return index.covers(kind, namespace);
    }

    @Override
    public boolean coversWorkloads() {
        return index.coversWorkloads();
    }

    @Override
    public boolean coversWorkloads(String namespace) {
        return index.coversWorkloads(namespace);
    }

    private List<ManifestObject> own(List<ManifestObject> answer) {
        List<ManifestObject> out = null;
        for (int i = 0; i < answer.size(); i++) {
            if (answer.get(i) == view) {
                if (out == null) {
                    out = new ArrayList<>(answer);
                }
                out.set(i, self);
            }
        }
        return out == null ? answer : List.copyOf(out);
    }
}
