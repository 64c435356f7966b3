package dev.palisade.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/** Every rule Palisade knows, found through {@link ServiceLoader}; the engine never names one. */
public final class RuleCatalog {
    private final Map<String, Entry> entries;

    /** A rule instance with its metadata. */
    public record Entry(RuleMeta meta, Rule rule) {
    }

    private RuleCatalog(Map<String, Entry> entries) {
        this.entries = entries;
    }

    public static RuleCatalog load() {
        List<Rule> rules = new ArrayList<>();
        ServiceLoader.load(Rule.class, RuleCatalog.class.getClassLoader()).forEach(rules::add);
        rules.add(new InternalErrorRule());
        rules.add(new SuppressionUnusedRule());
        return of(rules);
    }

    public static RuleCatalog of(List<? extends Rule> rules) {
        Map<String, Entry> byId = new LinkedHashMap<>();
        rules.stream()
                .map(r -> new Entry(RuleMeta.of(r.getClass()), r))
                .sorted(Comparator.comparing((Entry e) -> e.meta().category()).thenComparing(e -> e.meta().id()))
                .forEach(e -> {
                    if (byId.put(e.meta().id(), e) != null) {
                        throw new IllegalStateException("two rules share the id " + e.meta().id());
                    }
                });
        return new RuleCatalog(byId);
    }

    /**
     * This catalog with more rules (user-defined rules of one configuration). The caller has checked
     * that their ids are new; a clash is a programming error.
     */
    public RuleCatalog plus(List<Entry> more) {
        if (more.isEmpty()) {
            return this;
        }
        Map<String, Entry> byId = new LinkedHashMap<>(entries);
        for (Entry e : more) {
            if (byId.put(e.meta().id(), e) != null) {
                throw new IllegalStateException("two rules share the id " + e.meta().id());
            }
        }
        return new RuleCatalog(byId);
    }

    public List<Entry> entries() {
        return List.copyOf(entries.values());
    }

    public List<RuleMeta> metas() {
        return entries.values().stream().map(Entry::meta).toList();
    }

    public Optional<Entry> get(String id) {
        return Optional.ofNullable(entries.get(id));
    }

    public boolean contains(String id) {
        return entries.containsKey(id);
    }
}
