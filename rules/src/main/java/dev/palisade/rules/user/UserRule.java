package dev.palisade.rules.user;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.ValidationMessage;
import dev.palisade.engine.ObjectContext;
import dev.palisade.engine.ObjectRule;
import dev.palisade.model.JsonPath;
import dev.palisade.model.ManifestObject;
import dev.palisade.model.PodTemplateView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A rule written in {@code .palisade.yaml}: a JSON Schema that each target node must satisfy. Every node
 * that fails gets one finding, at the deepest failing field, through the same reporting path as
 * built-in rules (so severities, exemptions and suppression annotations apply alike).
 */
public final class UserRule implements ObjectRule {
    /** Longest validator detail quoted in a message; `not`/`enum` details can quote whole schemas. */
    private static final int MAX_DETAIL = 160;
    /** Errors whose instance is the parent object but which name one property of it. */
    private static final Set<String> PROPERTY_ERRORS =
            Set.of("required", "additionalProperties", "dependentRequired", "dependencies", "unevaluatedProperties");

    private final String message;
    private final Target target;
    private final JsonSchema schema;

    UserRule(String message, Target target, JsonSchema schema) {
        this.message = message;
        this.target = target;
        this.schema = schema;
    }

    @Override
    public void check(ObjectContext ctx) {
        for (Node n : target.nodes(ctx.object())) {
            Map<String, List<String>> failures = new LinkedHashMap<>();
            for (ValidationMessage m : schema.validate(n.value())) {
                failures.computeIfAbsent(pathOf(n.path(), m), k -> new ArrayList<>()).add(detail(m));
            }
            failures.forEach((path, details) -> ctx.report(path, message + " (" + shorten(String.join("; ",
                    details.stream().distinct().toList())) + ")"));
        }
    }

    /** Maps networknt's instance location (relative to the validated node) under the node's own path. */
    static String pathOf(String prefix, ValidationMessage m) {
        String path = prefix;
        JsonNodePath location = m.getInstanceLocation();
        for (int i = 0; i < location.getNameCount(); i++) {
            Object e = location.getElement(i);
            path = e instanceof Integer index ? JsonPath.index(path, index) : JsonPath.child(path, String.valueOf(e));
        }
        if (PROPERTY_ERRORS.contains(m.getType()) && m.getProperty() != null) {
            path = JsonPath.child(path, m.getProperty());
        }
        return path;
    }

    /** networknt's message without its "$.a.b: " location prefix (the finding has the position). */
    private static String detail(ValidationMessage m) {
        String text = m.getMessage();
        String location = m.getInstanceLocation().toString();
        return text.startsWith(location + ": ") ? text.substring(location.length() + 2) : text;
    }

    private static String shorten(String s) {
        return s.length() <= MAX_DETAIL ? s : s.substring(0, MAX_DETAIL - 3) + "...";
    }

    /** A node to validate and its JSON path in the object. */
    record Node(String path, JsonNode value) {
    }

    /** What a rule's schema applies to. */
    interface Target {
        List<Node> nodes(ManifestObject o);
    }

    /** Whole objects of the given kinds ({@code Deployment}: any group; {@code apps/Deployment}: that group). */
    record KindTarget(List<String> kinds) implements Target {
        @Override
        public List<Node> nodes(ManifestObject o) {
            String kind = o.kind();
            String group = o.ref().group().isEmpty() ? "core" : o.ref().group();
            for (String k : kinds) {
                int slash = k.lastIndexOf('/');
                boolean match = slash < 0 ? k.equals(kind)
                        : k.substring(slash + 1).equals(kind) && k.substring(0, slash).equals(group);
                if (match) {
                    return List.of(new Node("", o.tree()));
                }
            }
            return List.of();
        }
    }

    /** The kind of node inside a workload that a pod-level target validates. */
    enum PodPart { CONTROLLER, POD_TEMPLATE, POD_SPEC, CONTAINER }

    /**
     * Every object that runs pods, or a part of its pod template, filtered like Polaris's
     * {@code controllers.include/exclude} and {@code containers.exclude}.
     */
    record WorkloadTarget(PodPart part, List<String> include, List<String> exclude, boolean initContainers,
            boolean containers) implements Target {
        @Override
        public List<Node> nodes(ManifestObject o) {
            PodTemplateView t = o.podTemplate().orElse(null);
            if (t == null || (!include.isEmpty() && !include.contains(o.kind())) || exclude.contains(o.kind())) {
                return List.of();
            }
            return switch (part) {
                case CONTROLLER -> List.of(new Node("", o.tree()));
                case POD_TEMPLATE -> present(t.path(), at(o.tree(), t.path()));
                case POD_SPEC -> present(t.specPath(), at(o.tree(), t.specPath()));
                case CONTAINER -> containerNodes(o, t);
            };
        }

        private static List<Node> present(String path, JsonNode value) {
            return value.isMissingNode() ? List.of() : List.of(new Node(path, value));
        }

        private List<Node> containerNodes(ManifestObject o, PodTemplateView t) {
            List<Node> out = new ArrayList<>();
            JsonNode spec = at(o.tree(), t.specPath());
            if (initContainers) {
                addItems(spec.path("initContainers"), JsonPath.child(t.specPath(), "initContainers"), out);
            }
            if (containers) {
                addItems(spec.path("containers"), JsonPath.child(t.specPath(), "containers"), out);
            }
            return out;
        }

        private static void addItems(JsonNode list, String path, List<Node> out) {
            if (list.isArray()) {
                for (int i = 0; i < list.size(); i++) {
                    out.add(new Node(JsonPath.index(path, i), list.get(i)));
                }
            }
        }

        private static JsonNode at(JsonNode root, String dotted) {
            JsonNode n = root;
            if (!dotted.isEmpty()) {
                for (String key : dotted.split("\\.")) {
                    n = n.path(key);
                }
            }
            return n;
        }
    }
}
