package dev.palisade.index;

import dev.palisade.model.Kinds;
import dev.palisade.model.LabelSelectors;
import dev.palisade.model.ManifestObject;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The index over every object of one lint run, from all its inputs together. Objects are grouped by
 * kind and namespace, and pod templates of each namespace are indexed by label, so selector queries
 * look at the pods that share a label with the selector instead of every pod template of the run.
 */
public final class LintSetIndex implements ObjectIndex {
    private final Map<String, List<ManifestObject>> byKind = new HashMap<>();
    private final Map<String, Map<String, List<ManifestObject>>> byKindAndNamespace = new HashMap<>();
    /** The first object of each kind/namespace/name, for the name lookups cross-object rules make per object. */
    private final Map<List<String>, ManifestObject> byName = new HashMap<>();
    private final Map<String, NamespaceTemplates> templatesByNamespace = new HashMap<>();
    /** Input order, so that answers built from several posting lists read in the order of the files. */
    private final Map<ManifestObject, Integer> order = new IdentityHashMap<>();

    public LintSetIndex(Collection<ManifestObject> objects) {
        for (ManifestObject o : objects) {
            order.put(o, order.size());
            byKind.computeIfAbsent(o.kind(), k -> new ArrayList<>()).add(o);
            byKindAndNamespace.computeIfAbsent(o.kind(), k -> new HashMap<>())
                    .computeIfAbsent(o.namespace(), k -> new ArrayList<>()).add(o);
            byName.putIfAbsent(Arrays.asList(o.kind(), o.namespace(), o.name()), o);
            o.podTemplate().ifPresent(t -> templatesByNamespace
                    .computeIfAbsent(o.namespace(), k -> new NamespaceTemplates()).add(o, t.labels()));
        }
    }

    @Override
    public List<ManifestObject> list(String kind, String namespace) {
        if (namespace == null || Kinds.isClusterScoped(kind)) {
            return byKind.getOrDefault(kind, List.of());
        }
        return byKindAndNamespace.getOrDefault(kind, Map.of()).getOrDefault(namespace, List.of());
    }

    @Override
    public Optional<ManifestObject> get(String kind, String namespace, String name) {
        if (name == null) {
            return Optional.empty();
        }
        String keyNamespace = Kinds.isClusterScoped(kind) ? null : namespace; // cluster-scoped: keyed without one
        return Optional.ofNullable(byName.get(Arrays.asList(kind, keyNamespace, name)));
    }

    @Override
    public List<ManifestObject> podTemplates(String namespace, Predicate<Map<String, String>> matches) {
        NamespaceTemplates ns = templatesByNamespace.get(namespace);
        return ns == null ? List.of() : ns.all.stream().filter(o -> matches.test(labelsOf(o))).toList();
    }

    @Override
    public List<ManifestObject> podTemplates(String namespace, LabelSelector selector) {
        NamespaceTemplates ns = templatesByNamespace.get(namespace);
        if (ns == null || selector == null) {
            return List.of();
        }
        return ns.candidates(selector).stream()
                .filter(o -> LabelSelectors.matches(selector, labelsOf(o)))
                .sorted(Comparator.comparing(order::get))
                .toList();
    }

    @Override
    public boolean covers(String kind) {
        return true;
    }

    private static Map<String, String> labelsOf(ManifestObject o) {
        return o.podTemplate().orElseThrow().labels();
    }

    /** The pod templates of one namespace, with posting lists by label key and by key=value. */
    private static final class NamespaceTemplates {
        final List<ManifestObject> all = new ArrayList<>();
        final Map<String, List<ManifestObject>> byKey = new HashMap<>();
        final Map<String, Map<String, List<ManifestObject>>> byKeyValue = new HashMap<>();

        void add(ManifestObject o, Map<String, String> labels) {
            all.add(o);
            for (Map.Entry<String, String> l : labels.entrySet()) {
                byKey.computeIfAbsent(l.getKey(), k -> new ArrayList<>()).add(o);
                byKeyValue.computeIfAbsent(l.getKey(), k -> new HashMap<>())
                        .computeIfAbsent(l.getValue(), v -> new ArrayList<>()).add(o);
            }
        }

        /**
         * A superset of the templates the selector selects: the smallest posting list that one of its
         * requirements implies (a required pair, an In list, an Exists key), else every template.
         */
        Collection<ManifestObject> candidates(LabelSelector selector) {
            Collection<ManifestObject> best = all;
            if (selector.getMatchLabels() != null) {
                for (Map.Entry<String, String> e : selector.getMatchLabels().entrySet()) {
                    if (e.getValue() != null) { // a null value is compared as written, not looked up
                        best = smaller(best, pairs(e.getKey(), e.getValue()));
                    }
                }
            }
            if (selector.getMatchExpressions() != null) {
                for (LabelSelectorRequirement r : selector.getMatchExpressions()) {
                    if (r != null && r.getKey() != null) {
                        best = smaller(best, implied(r));
                    }
                }
            }
            return best;
        }

        private Collection<ManifestObject> implied(LabelSelectorRequirement r) {
            if ("Exists".equals(r.getOperator())) {
                return byKey.getOrDefault(r.getKey(), List.of());
            }
            if ("In".equals(r.getOperator()) && r.getValues() != null) {
                Map<ManifestObject, Boolean> union = new LinkedHashMap<>();
                for (String v : r.getValues()) {
                    pairs(r.getKey(), v).forEach(o -> union.put(o, true));
                }
                return union.keySet();
            }
            return all; // NotIn and DoesNotExist also select templates without the key
        }

        private List<ManifestObject> pairs(String key, String value) {
            return byKeyValue.getOrDefault(key, Map.of()).getOrDefault(value, List.of());
        }

        private static Collection<ManifestObject> smaller(Collection<ManifestObject> a, Collection<ManifestObject> b) {
            return b.size() < a.size() ? b : a;
        }
    }
}
