package dev.palisade.index;

import dev.palisade.model.ManifestObject;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.Predicate;

/**
 * An index holding everything of another one but claiming to cover only some kinds and namespaces,
 * like a webhook whose informer caches are missing or not synced: cross-object rules must skip then.
 * {@code covers} gets the kind and the namespace, or null for the kind as a whole.
 */
public final class PartialIndex implements ObjectIndex {
    private final ObjectIndex full;
    private final BiPredicate<String, String> covers;

    public PartialIndex(ObjectIndex full, BiPredicate<String, String> covers) {
        this.full = full;
        this.covers = covers;
    }

    @Override
    public List<ManifestObject> list(String kind, String namespace) {
        return full.list(kind, namespace);
    }

    @Override
    public List<ManifestObject> podTemplates(String namespace, Predicate<Map<String, String>> matches) {
        return full.podTemplates(namespace, matches);
    }

    @Override
    public boolean covers(String kind) {
        return covers.test(kind, null);
    }

    @Override
    public boolean covers(String kind, String namespace) {
        return covers.test(kind, namespace);
    }
}
