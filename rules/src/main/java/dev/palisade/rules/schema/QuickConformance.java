package dev.palisade.rules.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.regex.RegularExpression;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A quick check that an object satisfies its schema, for the keywords Kubernetes schemas use (type,
 * properties, additionalProperties, required, items, enum, minimum, maximum, pattern, local $ref).
 * Nearly every object of a real lint set is valid, and proving that by one walk of the object costs
 * a fraction of a full validation; only objects it cannot vouch for are validated by networknt,
 * which also words the findings.
 *
 * <p>The check is one-sided: true means the object certainly conforms (every keyword it met was
 * evaluated and held, so networknt reports nothing either); false means "not shown", never "invalid".
 * A field whose value is null counts as absent, as the API server takes it (see
 * {@link SchemaValidation#withoutNullFields}), so objects are checked as they are, without a copy.
 * Any keyword it does not know, a non-local reference, a fractional number where an integer is
 * asked, or a pattern over its work bound makes it answer false.
 */
final class QuickConformance {
    private static final String LOCAL_DEFINITION = "#/definitions/";
    private static final BoundedRegex REGEX = new BoundedRegex();

    private final Check check;

    private QuickConformance(Check check) {
        this.check = check;
    }

    /** The check of a schema whose local references resolve in itself; read once per compiled schema. */
    static QuickConformance of(JsonNode root) {
        try {
            return new QuickConformance(new Compiler(root).compile(root));
        } catch (RuntimeException e) {
            Check never = new Check(); // e.g. a pattern Java cannot compile: networknt decides
            never.unknown = true;
            return new QuickConformance(never);
        }
    }

    /** Whether {@code instance}, its null fields taken as absent, certainly satisfies the schema. */
    boolean conforms(JsonNode instance) {
        try {
            return check.holds(instance, 0);
        } catch (RuntimeException e) {
            return false; // e.g. a pattern over its work bound: networknt decides, and reports it
        }
    }

    /** Type bits of a {@code type} keyword. */
    private static final int OBJECT = 1;
    private static final int ARRAY = 2;
    private static final int STRING = 4;
    private static final int BOOLEAN = 8;
    private static final int INTEGER = 16;
    private static final int NUMBER = 32;
    private static final int NULL = 64;
    private static final int ANY = -1;

    /** One schema object, read once: what its keywords demand of a node. */
    private static final class Check {
        /** A keyword this check does not know, or a reference it cannot follow: never vouches. */
        boolean unknown;
        int types = ANY;
        Check ref;
        Map<String, Check> properties;
        boolean additionalForbidden;
        Check additional;
        String[] required;
        Check items;
        JsonNode[] allowed;
        BigDecimal minimum;
        BigDecimal maximum;
        RegularExpression pattern;

        /** {@code refChain} counts references followed without descending, so a loop of them ends. */
        boolean holds(JsonNode node, int refChain) {
            if (unknown || types != ANY && (typeOf(node) & types) == 0) {
                return false;
            }
            if (ref != null && (refChain >= 16 || !ref.holds(node, refChain + 1))) {
                return false;
            }
            if (node.isObject()) {
                return objectHolds(node);
            }
            if (node.isArray()) {
                if (items != null) {
                    for (JsonNode item : node) {
                        if (!items.holds(item, 0)) {
                            return false;
                        }
                    }
                }
            } else if (node.isNumber()) {
                if (minimum != null || maximum != null) {
                    if (!node.isIntegralNumber()) {
                        return false; // fractional values: left to networknt's own comparison
                    }
                    BigDecimal value = node.decimalValue();
                    if (minimum != null && value.compareTo(minimum) < 0 || maximum != null && value.compareTo(maximum) > 0) {
                        return false;
                    }
                }
            } else if (node.isTextual() && pattern != null && !pattern.matches(node.textValue())) {
                return false;
            }
            return allowed == null || isAllowed(node);
        }

        private boolean objectHolds(JsonNode node) {
            if (required != null) {
                for (String name : required) {
                    JsonNode value = node.get(name);
                    if (value == null || value.isNull()) {
                        return false;
                    }
                }
            }
            if (properties != null || additionalForbidden || additional != null) {
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                    Map.Entry<String, JsonNode> field = it.next();
                    if (field.getValue().isNull()) {
                        continue; // an absent field
                    }
                    Check property = properties == null ? null : properties.get(field.getKey());
                    if (property != null) {
                        if (!property.holds(field.getValue(), 0)) {
                            return false;
                        }
                    } else if (additionalForbidden || additional != null && !additional.holds(field.getValue(), 0)) {
                        return false;
                    }
                }
            }
            return allowed == null || isAllowed(node);
        }

        private boolean isAllowed(JsonNode node) {
            if (node.isContainerNode()) {
                return false; // equality would have to ignore null fields: networknt decides
            }
            for (JsonNode a : allowed) {
                if (a.equals(node)) {
                    return true;
                }
            }
            return false;
        }

        private static int typeOf(JsonNode node) {
            if (node.isObject()) {
                return OBJECT;
            }
            if (node.isArray()) {
                return ARRAY;
            }
            if (node.isTextual()) {
                return STRING;
            }
            if (node.isBoolean()) {
                return BOOLEAN;
            }
            if (node.isIntegralNumber()) {
                return INTEGER | NUMBER; // an integer is also a number; 1.0 is not shown to be an integer
            }
            if (node.isNumber()) {
                return NUMBER;
            }
            return node.isNull() ? NULL : 0;
        }
    }

    /** Reads schema objects into checks, each definition once (definitions may refer to themselves). */
    private static final class Compiler {
        private final JsonNode root;
        private final Map<String, Check> definitions = new HashMap<>();

        Compiler(JsonNode root) {
            this.root = root;
        }

        Check compile(JsonNode schema) {
            Check c = new Check();
            if (schema.isBoolean()) {
                c.unknown = !schema.booleanValue();
                return c;
            }
            if (!schema.isObject()) {
                c.unknown = true;
                return c;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = schema.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> keyword = it.next();
                if (!read(c, schema, keyword.getKey(), keyword.getValue())) {
                    c.unknown = true;
                    return c;
                }
            }
            return c;
        }

        /** Records one keyword in {@code c}; false when the keyword is not one this check evaluates. */
        private boolean read(Check c, JsonNode schema, String keyword, JsonNode value) {
            switch (keyword) {
                case "$ref" -> {
                    String ref = value.asText();
                    if (!ref.startsWith(LOCAL_DEFINITION) || !root.path("definitions").has(ref.substring(LOCAL_DEFINITION.length()))) {
                        return false;
                    }
                    c.ref = definition(ref.substring(LOCAL_DEFINITION.length()));
                    return true;
                }
                case "type" -> {
                    c.types = 0;
                    for (JsonNode t : value.isArray() ? value : List.of(value)) {
                        int bit = typeBit(t.asText());
                        if (bit == 0) {
                            return false;
                        }
                        c.types |= bit;
                    }
                    return true;
                }
                case "properties" -> {
                    if (!value.isObject()) {
                        return false;
                    }
                    c.properties = new HashMap<>();
                    for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext();) {
                        Map.Entry<String, JsonNode> p = it.next();
                        c.properties.put(p.getKey(), compile(p.getValue()));
                    }
                    return true;
                }
                case "additionalProperties" -> {
                    if (schema.has("patternProperties")) {
                        return false;
                    }
                    if (value.isBoolean()) {
                        c.additionalForbidden = !value.booleanValue();
                    } else {
                        c.additional = compile(value);
                    }
                    return true;
                }
                case "required" -> {
                    List<String> names = new ArrayList<>();
                    for (JsonNode n : value) {
                        if (!n.isTextual()) {
                            return false;
                        }
                        names.add(n.textValue());
                    }
                    c.required = names.toArray(String[]::new);
                    return value.isArray();
                }
                case "items" -> {
                    if (!value.isObject() && !value.isBoolean()) {
                        return false; // a tuple of item schemas
                    }
                    c.items = compile(value);
                    return true;
                }
                case "enum" -> {
                    List<JsonNode> allowed = new ArrayList<>();
                    value.forEach(allowed::add);
                    c.allowed = allowed.toArray(JsonNode[]::new);
                    return value.isArray();
                }
                case "minimum", "maximum" -> {
                    if (!value.isIntegralNumber()) {
                        return false; // fractional bounds: left to networknt's own comparison
                    }
                    BigDecimal bound = new BigDecimal(value.asText());
                    if (keyword.equals("minimum")) {
                        c.minimum = bound;
                    } else {
                        c.maximum = bound;
                    }
                    return true;
                }
                case "pattern" -> {
                    if (!value.isTextual()) {
                        return false;
                    }
                    c.pattern = REGEX.getRegularExpression(value.textValue());
                    return true;
                }
                case "definitions", "description", "title", "default", "format", "x-palisade-format" -> {
                    return true; // no assertion (formats are not asserted, see SchemaRegistry)
                }
                default -> {
                    return keyword.startsWith("x-"); // annotations of Kubernetes and user schemas
                }
            }
        }

        private Check definition(String name) {
            Check c = definitions.get(name);
            if (c == null) {
                c = new Check();
                definitions.put(name, c); // before compiling, so that a definition can refer to itself
                Check compiled = compile(root.path("definitions").get(name));
                c.unknown = compiled.unknown;
                c.types = compiled.types;
                c.ref = compiled.ref;
                c.properties = compiled.properties;
                c.additionalForbidden = compiled.additionalForbidden;
                c.additional = compiled.additional;
                c.required = compiled.required;
                c.items = compiled.items;
                c.allowed = compiled.allowed;
                c.minimum = compiled.minimum;
                c.maximum = compiled.maximum;
                c.pattern = compiled.pattern;
            }
            return c;
        }

        private static int typeBit(String type) {
            return switch (type) {
                case "object" -> OBJECT;
                case "array" -> ARRAY;
                case "string" -> STRING;
                case "boolean" -> BOOLEAN;
                case "integer" -> INTEGER;
                case "number" -> NUMBER;
                case "null" -> NULL;
                default -> 0;
            };
        }
    }
}
