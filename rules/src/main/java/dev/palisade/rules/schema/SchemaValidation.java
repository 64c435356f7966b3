package dev.palisade.rules.schema;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchemaException;
import com.networknt.schema.ValidationMessage;
import dev.palisade.config.PalisadeConfig.SchemaOptions;
import dev.palisade.engine.ObjectContext;
import dev.palisade.index.ObjectIndex;
import dev.palisade.model.JsonPath;
import dev.palisade.model.ManifestObject;
import dev.palisade.model.ObjectRef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Validates one object against the schema of its apiVersion/kind and sorts every violation into the
 * problem a rule reports. Computed once per object and shared by the schema rules.
 */
public final class SchemaValidation {
    /** What is wrong at a node; each schema rule reports one of these. */
    public enum Problem { UNKNOWN_FIELD, TYPE_MISMATCH, REQUIRED_MISSING, ENUM_INVALID, AMBIGUOUS_SCALAR }

    /** One violation: its problem, the JSON path to report at and the message. */
    public record Violation(Problem problem, String path, String message) {
    }

    /**
     * @param origin     where the schema came from; null when no schema is known for the kind
     * @param unusable   why a schema that exists could not be used (null when it could)
     * @param violations every violation, in document order
     */
    public record Result(String origin, String unusable, List<Violation> violations) {
        public boolean schemaKnown() {
            return origin != null || unusable != null;
        }
    }

    private SchemaValidation() {
    }

    public static Result of(ObjectContext ctx) {
        SchemaOptions options = ctx.config().schema();
        return ctx.object().memo(memoKey(options), () -> validate(ctx.object(), ctx.index(), options));
    }

    /** The memo key of the last options asked about: seven rules ask per object, always with the same options. */
    private static volatile MemoKey lastKey = new MemoKey(null, "");

    private record MemoKey(SchemaOptions options, String key) {
    }

    private static String memoKey(SchemaOptions options) {
        MemoKey k = lastKey;
        if (k.options() != options) {
            k = new MemoKey(options, SchemaValidation.class.getName() + "|" + options.hashCode());
            lastKey = k;
        }
        return k.key();
    }

    /** Whether the object's kind has a schema, without validating it (for rules that defer to schema rules). */
    public static boolean covers(ObjectContext ctx) {
        return of(ctx).origin() != null;
    }

    static Result validate(ManifestObject o, ObjectIndex index, SchemaOptions options) {
        SchemaRegistry registry = SchemaRegistry.forOptions(options);
        Optional<SchemaRegistry.Compiled> schema;
        try {
            schema = find(registry, o, index);
        } catch (SchemaRegistry.SchemaUnusableException | IllegalArgumentException e) {
            return new Result(null, e.getMessage(), List.of());
        }
        if (schema.isEmpty()) {
            return new Result(null, null, List.of());
        }
        SchemaRegistry.Compiled c = schema.get();
        Set<ValidationMessage> messages;
        if (c.quick().conforms(o.tree())) { // takes null fields as absent itself: no copy
            return new Result(c.origin(), null, List.of());
        }
        JsonNode instance = withoutNullFields(o.tree());
        try {
            messages = c.schema().validate(instance);
        } catch (JsonSchemaException | BoundedRegex.TooExpensive e) {
            return new Result(null, c.origin() + ": " + e.getMessage(), List.of());
        } catch (SchemaRegistry.SchemaUnusableException e) {
            return new Result(null, e.getMessage(), List.of()); // as when the schema is found unusable
        }
        Set<Violation> out = new LinkedHashSet<>();
        for (ValidationMessage m : messages) {
            Violation v = explain(m, c.root(), o);
            if (v != null) {
                out.add(v);
            }
        }
        List<Violation> sorted = new ArrayList<>(out);
        sorted.sort(Comparator.comparing(v -> o.positions().locate(v.path()),
                Comparator.comparingInt(dev.palisade.model.Position::line).thenComparingInt(dev.palisade.model.Position::column)));
        return new Result(c.origin(), null, List.copyOf(sorted));
    }

    private static Optional<SchemaRegistry.Compiled> find(SchemaRegistry registry, ManifestObject o, ObjectIndex index) {
        ObjectRef ref = o.ref();
        Optional<SchemaRegistry.Compiled> builtIn = registry.builtIn(ref.apiVersion(), ref.kind());
        if (builtIn.isPresent()) {
            return builtIn;
        }
        String group = ref.group();
        String version = ref.apiVersion().substring(ref.apiVersion().indexOf('/') + 1);
        if (!group.isEmpty()) {
            for (ManifestObject crd : index.list("CustomResourceDefinition", null)) {
                if (CrdSchemas.defines(crd.tree(), group, ref.kind())) {
                    Optional<SchemaRegistry.Compiled> fromCrd = registry.fromCrd(crd, version);
                    if (fromCrd.isPresent()) {
                        return fromCrd;
                    }
                }
            }
            Optional<SchemaRegistry.Compiled> fromFiles = registry.fromCrdFiles(group, version, ref.kind());
            if (fromFiles.isPresent()) {
                return fromFiles;
            }
        }
        return registry.fromLocations(ref.apiVersion(), ref.kind());
    }

    /**
     * The API server treats a null field as an absent one (creationTimestamp: null is everywhere).
     * Most objects hold no null field, and they are validated as they are, without a copy.
     */
    static JsonNode withoutNullFields(JsonNode node) {
        return hasNullField(node) ? copyWithoutNullFields(node) : node;
    }

    private static boolean hasNullField(JsonNode node) {
        if (node instanceof ObjectNode obj) {
            for (Iterator<Map.Entry<String, JsonNode>> it = obj.fields(); it.hasNext();) {
                JsonNode value = it.next().getValue();
                if (value.isNull() || hasNullField(value)) {
                    return true;
                }
            }
        } else if (node instanceof ArrayNode arr) {
            for (JsonNode item : arr) {
                if (hasNullField(item)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static JsonNode copyWithoutNullFields(JsonNode node) {
        if (node instanceof ObjectNode obj) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = obj.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getValue().isNull()) {
                    copy.set(e.getKey(), copyWithoutNullFields(e.getValue()));
                }
            }
            return copy;
        }
        if (node instanceof ArrayNode arr) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            arr.forEach(item -> copy.add(copyWithoutNullFields(item)));
            return copy;
        }
        return node;
    }

    private static Violation explain(ValidationMessage m, JsonNode root, ManifestObject o) {
        String at = toJsonPath(m.getInstanceLocation());
        JsonNode schemaHere = schemaOfKeyword(m, root);
        String where = at.isEmpty() ? "the object" : at;
        switch (m.getType()) {
            case "additionalProperties" -> {
                String field = m.getProperty();
                String path = JsonPath.child(at, field);
                String suggestion = Suggestions.closest(field, schemaHere.path("properties"));
                return new Violation(Problem.UNKNOWN_FIELD, path, "unknown field '" + field + "' in " + where
                        + (suggestion != null ? "; did you mean '" + suggestion + "'?" : "")
                        + " (the API server drops or rejects it)");
            }
            case "required" -> {
                String field = m.getProperty();
                return new Violation(Problem.REQUIRED_MISSING, JsonPath.child(at, field),
                        "required field '" + field + "' is missing in " + where);
            }
            case "enum" -> {
                JsonNode allowed = schemaHere.path("enum");
                return new Violation(Problem.ENUM_INVALID, at, at + ": '" + display(m.getInstanceNode())
                        + "' is not one of " + join(allowed));
            }
            case "type" -> {
                String plain = o.positions().plainScalar(at);
                String expected = expected(schemaHere);
                if (plain != null && isPlainStringField(schemaHere) && yamlChangedIt(plain, m.getInstanceNode())) {
                    return new Violation(Problem.AMBIGUOUS_SCALAR, at, at + ": unquoted " + plain + " is read by YAML 1.1 as "
                            + kindOf(m.getInstanceNode()) + " " + display(m.getInstanceNode())
                            + ", but the field takes a string; write \"" + plain + "\" in quotes");
                }
                return new Violation(Problem.TYPE_MISMATCH, at, at + ": expected " + expected + ", got "
                        + kindOf(m.getInstanceNode()) + describeValue(m.getInstanceNode(), plain));
            }
            case "pattern" -> {
                if ("quantity".equals(schemaHere.path("x-palisade-format").asText())) {
                    return new Violation(Problem.TYPE_MISMATCH, at, at + ": '" + display(m.getInstanceNode())
                            + "' is not a quantity (write e.g. 500m, 0.5, 128Mi or 1Gi)");
                }
                return new Violation(Problem.TYPE_MISMATCH, at, at + ": " + stripLocation(m));
            }
            case "minimum", "maximum" -> {
                String format = schemaHere.path("x-palisade-format").asText();
                if (format.startsWith("int")) {
                    return new Violation(Problem.TYPE_MISMATCH, at, at + ": " + display(m.getInstanceNode())
                            + " does not fit the field's " + format.substring(3) + "-bit integer");
                }
                return new Violation(Problem.TYPE_MISMATCH, at, at + ": " + stripLocation(m));
            }
            default -> {
                return new Violation(Problem.TYPE_MISMATCH, at, (at.isEmpty() ? "" : at + ": ") + stripLocation(m));
            }
        }
    }

    /** The schema object holding the failed keyword ({@code .../properties/replicas} for a type error). */
    private static JsonNode schemaOfKeyword(ValidationMessage m, JsonNode root) {
        JsonNodePath fragment = m.getSchemaLocation().getFragment();
        if (fragment == null) {
            return root;
        }
        JsonNodePath parent = fragment.getParent();
        String pointer = parent == null ? "" : parent.toString();
        if (pointer.startsWith("#")) {
            pointer = pointer.substring(1);
        }
        try {
            JsonNode found = root.at(JsonPointer.compile(pointer));
            return found.isMissingNode() ? root : found;
        } catch (IllegalArgumentException e) {
            return root;
        }
    }

    static String toJsonPath(JsonNodePath location) {
        String path = "";
        for (int i = 0; i < location.getNameCount(); i++) {
            Object element = location.getElement(i);
            path = element instanceof Integer index ? JsonPath.index(path, index) : JsonPath.child(path, element.toString());
        }
        return path;
    }

    private static String expected(JsonNode schema) {
        String format = schema.path("x-palisade-format").asText();
        if (format.equals("int-or-string")) {
            return "an integer or a string (int-or-string)";
        }
        if (format.equals("quantity")) {
            return "a quantity (e.g. 500m, 128Mi or 2)";
        }
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            List<String> names = new ArrayList<>();
            type.forEach(t -> names.add(article(t.asText())));
            return String.join(" or ", names);
        }
        return article(type.asText("a value"));
    }

    private static boolean isPlainStringField(JsonNode schema) {
        return schema.path("type").asText().equals("string") && !schema.has("x-palisade-format");
    }

    /**
     * Whether YAML 1.1 read the unquoted text as something that does not print back as written: yes
     * became true, 0755 became 493, 12:30 became 750, 1e3 became 1000.0. A plain {@code 80} or
     * {@code true} in a string field is an ordinary type mismatch, not a YAML surprise.
     */
    private static boolean yamlChangedIt(String plain, JsonNode value) {
        return value.isValueNode() && !plain.equals(value.asText());
    }

    private static String article(String type) {
        return switch (type) {
            case "object" -> "a map (object)";
            case "array" -> "a list";
            case "integer" -> "an integer";
            case "null" -> "null";
            default -> "a " + type;
        };
    }

    private static String kindOf(JsonNode n) {
        if (n.isObject()) {
            return "a map";
        }
        if (n.isArray()) {
            return "a list";
        }
        if (n.isBoolean()) {
            return "a boolean";
        }
        if (n.isIntegralNumber()) {
            return "an integer";
        }
        if (n.isNumber()) {
            return "a number";
        }
        return "a string";
    }

    private static String describeValue(JsonNode n, String plain) {
        if (n.isContainerNode()) {
            return "";
        }
        return " '" + (plain != null ? plain : display(n)) + "'";
    }

    private static String display(JsonNode n) {
        String s = n == null ? "" : n.isTextual() ? n.asText() : n.toString();
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }

    private static String join(JsonNode values) {
        List<String> out = new ArrayList<>();
        values.forEach(v -> {
            if (!v.asText().isEmpty()) { // the defaulted empty value is accepted but not worth suggesting
                out.add(v.asText());
            }
        });
        return String.join(", ", out);
    }

    /** networknt prefixes messages with the instance location, which the finding already shows. */
    private static String stripLocation(ValidationMessage m) {
        String msg = m.getMessage();
        int colon = msg.indexOf(": ");
        return colon > 0 && (msg.startsWith("/") || msg.startsWith("$") || msg.startsWith(":")) ? msg.substring(colon + 2) : msg;
    }
}
