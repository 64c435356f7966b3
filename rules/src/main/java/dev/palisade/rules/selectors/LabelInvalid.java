package dev.palisade.rules.selectors;

import com.fasterxml.jackson.databind.JsonNode;
import dev.palisade.engine.ObjectContext;
import dev.palisade.engine.ObjectRule;
import dev.palisade.engine.RuleInfo;
import dev.palisade.model.JsonPath;
import dev.palisade.model.ManifestObject;
import dev.palisade.model.Severity;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

@RuleInfo(id = "label-invalid", severity = Severity.ERROR, category = "selectors",
        summary = "A label key or value (in metadata.labels, pod template labels or a selector) that the API "
                + "server rejects: bad characters, too long, a bad prefix, or a value that is not a string.",
        remediation = "Keys: optional DNS-subdomain prefix (at most 253 characters) and '/', then a name of at "
                + "most 63 letters, digits, '-', '_' or '.', starting and ending alphanumeric. Values: the same "
                + "characters, at most 63, possibly empty, and quoted when YAML would read them as numbers or booleans.")
public final class LabelInvalid implements ObjectRule {
    /** Kinds whose spec.selector is a plain map of labels rather than matchLabels/matchExpressions. */
    private static final Set<String> EQUALITY_SELECTOR_KINDS = Set.of("Service", "ReplicationController");

    @Override
    public void check(ObjectContext ctx) {
        ManifestObject o = ctx.object();
        checkLabels(ctx, o.tree().path("metadata").path("labels"), JsonPath.of("metadata", "labels"));
        if ("CronJob".equals(o.kind())) {
            checkLabels(ctx, Selectors.at(o.tree(), "spec.jobTemplate.metadata.labels"),
                    "spec.jobTemplate.metadata.labels");
        }
        ctx.podTemplate().filter(t -> !t.path().isEmpty()).ifPresent(t ->
                checkLabels(ctx, Selectors.at(o.tree(), t.labelsPath()), t.labelsPath()));
        if (EQUALITY_SELECTOR_KINDS.contains(o.kind()) && o.ref().group().isEmpty()) {
            checkLabels(ctx, o.tree().path("spec").path("selector"), "spec.selector");
        }
        checkSelectorsBelow(ctx, o.tree(), new ArrayList<>());
    }

    /**
     * Every matchLabels and matchExpressions in the object: workload, PDB, NetworkPolicy, affinity...
     * The walk visits every node, so it keeps the keys and indices leading to the current node and
     * builds a JSON path only for the selectors it finds.
     */
    private static void checkSelectorsBelow(ObjectContext ctx, JsonNode node, List<Object> trail) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                String key = f.getKey();
                if (key.equals("matchLabels")) {
                    checkLabels(ctx, f.getValue(), JsonPath.child(pathOf(trail), key));
                } else if (key.equals("matchExpressions")) {
                    checkExpressions(ctx, f.getValue(), JsonPath.child(pathOf(trail), key));
                } else if (!key.equals("labels") && !key.equals("annotations") && f.getValue().isContainerNode()) {
                    trail.add(key);
                    checkSelectorsBelow(ctx, f.getValue(), trail);
                    trail.remove(trail.size() - 1);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                if (node.get(i).isContainerNode()) {
                    trail.add(i);
                    checkSelectorsBelow(ctx, node.get(i), trail);
                    trail.remove(trail.size() - 1);
                }
            }
        }
    }

    /** The JSON path of the node {@code trail} (keys and indices) leads to from the root. */
    private static String pathOf(List<Object> trail) {
        String out = "";
        for (Object step : trail) {
            out = step instanceof Integer index ? JsonPath.index(out, index) : JsonPath.child(out, (String) step);
        }
        return out;
    }

    private static void checkLabels(ObjectContext ctx, JsonNode labels, String path) {
        if (!labels.isObject()) {
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = labels.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            String keyPath = JsonPath.child(path, f.getKey());
            String keyProblem = LabelSyntax.keyProblem(f.getKey());
            if (keyProblem != null) {
                ctx.report(keyPath, "label key '" + f.getKey() + "' is invalid: " + keyProblem);
            }
            checkValue(ctx, f.getValue(), keyPath, f.getKey());
        }
    }

    private static void checkValue(ObjectContext ctx, JsonNode value, String path, String key) {
        if (value.isNull() || value.isContainerNode()) {
            return; // null decodes as the empty string; a mapping or list is a type finding
        }
        if (!value.isTextual()) {
            reportUnquoted(ctx, value, path, "label '" + key + "'");
            return;
        }
        String problem = LabelSyntax.valueProblem(value.asText());
        if (problem != null) {
            ctx.report(path, "label '" + key + "' has the invalid value '" + value.asText() + "': " + problem);
        }
    }

    /** A number or boolean where the API wants a string: the decoder rejects the whole object. */
    private static void reportUnquoted(ObjectContext ctx, JsonNode value, String path, String what) {
        String written = ctx.object().positions().plainScalar(path);
        String text = written != null ? written : value.toString();
        ctx.report(path, what + " has the value " + text + ", which YAML reads as a "
                + (value.isBoolean() ? "boolean" : "number") + " and the API server rejects; quote it: \"" + text + "\"");
    }

    private static void checkExpressions(ObjectContext ctx, JsonNode expressions, String path) {
        if (!expressions.isArray()) {
            return;
        }
        for (int i = 0; i < expressions.size(); i++) {
            JsonNode e = expressions.get(i);
            String itemPath = JsonPath.index(path, i);
            JsonNode key = e.path("key");
            if (key.isTextual()) {
                String problem = LabelSyntax.keyProblem(key.asText());
                if (problem != null) {
                    ctx.report(JsonPath.child(itemPath, "key"), "label key '" + key.asText() + "' is invalid: " + problem);
                }
            }
            JsonNode values = e.path("values");
            for (int j = 0; values.isArray() && j < values.size(); j++) {
                JsonNode v = values.get(j);
                String valuePath = JsonPath.index(JsonPath.child(itemPath, "values"), j);
                if (v.isNumber() || v.isBoolean()) {
                    reportUnquoted(ctx, v, valuePath, "selector value");
                    continue;
                }
                String problem = v.isTextual() ? LabelSyntax.valueProblem(v.asText()) : null;
                if (problem != null) {
                    ctx.report(valuePath, "selector value '" + v.asText() + "' is not a valid label value: " + problem);
                }
            }
        }
    }
}
