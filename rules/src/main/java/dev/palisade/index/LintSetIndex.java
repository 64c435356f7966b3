package dev.palisade.index;

import dev.palisade.model.Kinds;
import dev.palisade.model.ManifestObject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/** The index over every object of one lint run, from all its inputs together. */
public final class LintSetIndex implements ObjectIndex {
    private final Map<String, List<ManifestObject>> byKind = new HashMap<>();
    private final List<ManifestObject> withTemplates = new ArrayList<>();

    public LintSetIndex(Collection<ManifestObject> objects) {
        for (ManifestObject o : objects) {
            byKind.computeIfAbsent(o.kind(), k -> new ArrayList<>()).add(o);
            if (o.podTemplate().isPresent()) {
                withTemplates.add(o);
            }
        }
    }

    @Override
    public List<ManifestObject> list(String kind, String namespace) {
        List<ManifestObject> all = byKind.getOrDefault(kind, List.of());
        if (namespace == null || Kinds.isClusterScoped(kind)) {
            return all;
        }
        return all.stream().filter(o -> namespace.equals(o.namespace())).toList();
    }

    @Override
    public List<ManifestObject> podTemplates(String namespace, Predicate<Map<String, String>> matches) {
        return withTemplates.stream()
                .filter(o -> Objects.equals(namespace, o.namespace()))
                .filter(o -> matches.test(o.podTemplate().orElseThrow().labels()))
                .toList();
    }

    @Override
    public boolean covers(String kind) {
        return true;
    }
}
