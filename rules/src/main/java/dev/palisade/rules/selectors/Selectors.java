package dev.palisade.rules.selectors;

import com.fasterxml.jackson.databind.JsonNode;
import dev.palisade.engine.ObjectContext;
import dev.palisade.index.ObjectIndex;
import dev.palisade.model.JsonPath;
import dev.palisade.model.LabelSelectors;
import dev.palisade.model.ManifestObject;
import dev.palisade.model.TypedModels;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reading, describing and explaining label selectors, shared by the selector rules. */
final class Selectors {
    private Selectors() {
    }

    /** The node at a dotted path of plain keys; a missing node when any step is absent. */
    static JsonNode at(JsonNode root, String dottedPath) {
        JsonNode n = root;
        for (String key : dottedPath.split("\\.")) {
            n = n.path(key);
        }
        return n;
    }

    /**
     * A set-based selector ({@code matchLabels}/{@code matchExpressions}); empty unless it is well formed:
     * a mapping whose fields have the right types, pairs with values, requirements with key and
     * operator. Selector rules do not judge what the API server rejects anyway (type findings say why).
     */
    static Optional<LabelSelector> labelSelector(JsonNode node) {
        if (!node.isObject()) {
            return Optional.empty();
        }
        TypedModels.TypedConversion<LabelSelector> read = TypedModels.read(node, LabelSelector.class);
        LabelSelector selector = read.value();
        if (selector == null || !read.errors().isEmpty()) {
            return Optional.empty();
        }
        boolean pairsComplete = selector.getMatchLabels() == null
                || selector.getMatchLabels().values().stream().allMatch(java.util.Objects::nonNull);
        boolean requirementsComplete = selector.getMatchExpressions() == null || selector.getMatchExpressions().stream()
                .allMatch(r -> r != null && r.getKey() != null && r.getOperator() != null);
        return pairsComplete && requirementsComplete ? Optional.of(selector) : Optional.empty();
    }

    /** An equality selector (Service, ReplicationController): the string pairs of a mapping. */
    static Map<String, String> equalitySelector(JsonNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asText()));
        }
        return out;
    }

    /** How people write a selector: {@code app=web, tier in (a,b), !canary}. */
    static String describe(LabelSelector s) {
        List<String> parts = new ArrayList<>();
        if (s.getMatchLabels() != null) {
            s.getMatchLabels().forEach((k, v) -> parts.add(k + "=" + v));
        }
        if (s.getMatchExpressions() != null) {
            for (LabelSelectorRequirement r : s.getMatchExpressions()) {
                if (r != null) {
                    parts.add(describe(r));
                }
            }
        }
        return parts.isEmpty() ? "{}" : String.join(", ", parts);
    }

    private static String describe(LabelSelectorRequirement r) {
        String values = r.getValues() == null ? "" : String.join(",", r.getValues());
        return switch (r.getOperator() == null ? "" : r.getOperator()) {
            case "In" -> r.getKey() + " in (" + values + ")";
            case "NotIn" -> r.getKey() + " notin (" + values + ")";
            case "Exists" -> r.getKey();
            case "DoesNotExist" -> "!" + r.getKey();
            default -> r.getKey() + " " + r.getOperator() + " (" + values + ")";
        };
    }

    /** The first {@code max} items joined with {@code separator}, then how many more there are. */
    static String firstFew(List<String> items, int max, String separator) {
        String shown = String.join(separator, items.subList(0, Math.min(max, items.size())));
        return items.size() > max ? shown + " and " + (items.size() - max) + " more" : shown;
    }

    static String describeLabels(Map<String, String> labels) {
        if (labels.isEmpty()) {
            return "no labels";
        }
        List<String> parts = new ArrayList<>();
        labels.forEach((k, v) -> parts.add(k + "=" + v));
        return String.join(", ", parts);
    }

    /** A requirement of a selector that some labels fail: where it is written and what it asks. */
    record Unmet(String path, String requirement) {
    }

    /**
     * The requirements of {@code selector} (written at {@code selectorPath}) that {@code labels} do not
     * satisfy, in source order: matchLabels pairs first, then expressions.
     */
    static List<Unmet> unmet(LabelSelector selector, String selectorPath, Map<String, String> labels) {
        List<Unmet> out = new ArrayList<>();
        if (selector.getMatchLabels() != null) {
            String base = JsonPath.child(selectorPath, "matchLabels");
            selector.getMatchLabels().forEach((k, v) -> {
                if (!java.util.Objects.equals(v, labels.get(k))) {
                    out.add(new Unmet(JsonPath.child(base, k), k + "=" + v));
                }
            });
        }
        List<LabelSelectorRequirement> expressions = selector.getMatchExpressions();
        if (expressions != null) {
            String base = JsonPath.child(selectorPath, "matchExpressions");
            for (int i = 0; i < expressions.size(); i++) {
                LabelSelectorRequirement r = expressions.get(i);
                if (r != null && !LabelSelectors.matches(new LabelSelector(List.of(r), null), labels)) {
                    out.add(new Unmet(JsonPath.index(base, i), describe(r)));
                }
            }
        }
        return out;
    }

    /** Same for an equality selector written as a plain mapping at {@code selectorPath}. */
    static List<Unmet> unmet(Map<String, String> selector, String selectorPath, Map<String, String> labels) {
        List<Unmet> out = new ArrayList<>();
        selector.forEach((k, v) -> {
            if (!v.equals(labels.get(k))) {
                out.add(new Unmet(JsonPath.child(selectorPath, k), k + "=" + v));
            }
        });
        return out;
    }

    /**
     * The pod template in {@code namespace} that looks most like what a selector that selects nothing
     * meant: two points per matchLabels pair it has, one per selector key it carries with another
     * value. Found through the index one label at a time; empty when none shares a key.
     */
    static Optional<ManifestObject> closest(ObjectIndex index, String namespace, LabelSelector selector) {
        Map<ManifestObject, Integer> score = new LinkedHashMap<>();
        Map<String, String> pairs = selector.getMatchLabels() == null ? Map.of() : selector.getMatchLabels();
        List<String> keys = new ArrayList<>(pairs.keySet());
        if (selector.getMatchExpressions() != null) {
            selector.getMatchExpressions().stream().filter(r -> r != null && r.getKey() != null)
                    .forEach(r -> keys.add(r.getKey()));
        }
        for (String key : keys) {
            LabelSelector hasKey = new LabelSelector(List.of(new LabelSelectorRequirement(key, "Exists", null)), null);
            index.podTemplates(namespace, hasKey).forEach(o -> score.merge(o, 1, Integer::sum));
        }
        pairs.forEach((key, value) -> {
            if (value != null) {
                index.podTemplates(namespace, Map.of(key, value)).forEach(o -> score.merge(o, 1, Integer::sum));
            }
        });
        ManifestObject best = null;
        int bestScore = 0;
        for (Map.Entry<ManifestObject, Integer> e : score.entrySet()) {
            if (e.getValue() > bestScore) {
                best = e.getKey();
                bestScore = e.getValue();
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * Reports that {@code selector} (written at {@code selectorPath}) selects no pod template in the
     * object's namespace, at the requirement the closest workload does not satisfy, when the index
     * covers that namespace and nothing matches. {@code subject} starts the message ("podSelector").
     * An equality selector (a Service's) is passed as matchLabels and written as a plain mapping.
     */
    static void reportIfNoMatch(ObjectContext ctx, LabelSelector selector, String selectorPath, String subject,
            boolean equalityForm) {
        ObjectIndex index = ctx.index();
        String ns = ctx.object().namespace();
        if (!index.coversWorkloads(ns) || !index.podTemplates(ns, selector).isEmpty()) {
            return;
        }
        String what = subject + " " + describe(selector) + " matches no pod template in namespace " + ns;
        ManifestObject closest = closest(index, ns, selector).orElse(null);
        if (closest == null) {
            ctx.report(selectorPath, what + "; no workload there carries any of its label keys");
            return;
        }
        Map<String, String> labels = templateLabels(closest);
        List<Unmet> unmet = equalityForm ? unmet(selector.getMatchLabels(), selectorPath, labels)
                : unmet(selector, selectorPath, labels);
        ctx.report(unmet.get(0).path(), what + "; the closest, " + closest.ref().display() + ", does not satisfy "
                + String.join(", ", unmet.stream().map(Unmet::requirement).toList())
                + " (its pod labels: " + describeLabels(labels) + ")");
    }

    /** Template labels of a workload (the index only returns objects that have a template). */
    static Map<String, String> templateLabels(ManifestObject o) {
        return o.podTemplate().map(t -> t.labels()).orElse(Map.of());
    }
}
