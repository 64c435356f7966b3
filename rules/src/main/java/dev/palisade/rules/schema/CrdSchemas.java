package dev.palisade.rules.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Turns a CustomResourceDefinition's {@code openAPIV3Schema} into a JSON schema with the API
 * server's semantics: fields not in the schema are pruned by the server (so they are reported as
 * unknown) unless {@code x-kubernetes-preserve-unknown-fields}; {@code x-kubernetes-int-or-string}
 * takes both forms; {@code nullable} admits null.
 */
final class CrdSchemas {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private CrdSchemas() {
    }

    /** The schema of version {@code version} of {@code crd} (a CRD tree), or null when it serves none. */
    static ObjectNode schemaOf(JsonNode crd, String version) {
        for (JsonNode v : crd.path("spec").path("versions")) {
            if (version.equals(v.path("name").asText()) && v.path("served").asBoolean(true)) {
                JsonNode openapi = v.path("schema").path("openAPIV3Schema");
                if (openapi.isMissingNode()) {
                    openapi = crd.path("spec").path("validation").path("openAPIV3Schema"); // v1beta1 layout
                }
                if (!openapi.isObject()) {
                    return permissiveRoot();
                }
                ObjectNode root = convert(openapi);
                addObjectBasics(root);
                return root;
            }
        }
        return null;
    }

    /** Whether {@code crd} defines {@code group}/{@code kind}. */
    static boolean defines(JsonNode crd, String group, String kind) {
        JsonNode spec = crd.path("spec");
        return group.equals(spec.path("group").asText()) && kind.equals(spec.path("names").path("kind").asText());
    }

    private static ObjectNode permissiveRoot() {
        ObjectNode root = F.objectNode();
        root.put("type", "object");
        return root;
    }

    /** apiVersion, kind and metadata exist on every custom resource, whatever the CRD says of them. */
    private static void addObjectBasics(ObjectNode root) {
        ObjectNode props = root.has("properties") && root.get("properties").isObject()
                ? (ObjectNode) root.get("properties") : root.putObject("properties");
        if (!props.has("apiVersion")) {
            props.putObject("apiVersion").put("type", "string");
        }
        if (!props.has("kind")) {
            props.putObject("kind").put("type", "string");
        }
        // The server checks metadata as ObjectMeta; a CRD may only restrict name, so its metadata schema
        // must not make labels or annotations unknown fields.
        props.putObject("metadata").put("type", "object");
    }

    static ObjectNode convert(JsonNode node) {
        ObjectNode out = F.objectNode();
        boolean intOrString = node.path("x-kubernetes-int-or-string").asBoolean(false);
        boolean preserve = node.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)
                || node.path("x-kubernetes-embedded-resource").asBoolean(false);
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            JsonNode value = e.getValue();
            switch (key) {
                case "properties", "patternProperties", "definitions" -> {
                    ObjectNode props = out.putObject(key);
                    value.fields().forEachRemaining(p -> props.set(p.getKey(), convert(p.getValue())));
                }
                case "items", "not" -> out.set(key, value.isObject() ? convert(value) : value);
                case "additionalProperties" -> out.set(key, value.isObject() ? convert(value) : value);
                case "allOf", "anyOf", "oneOf" -> {
                    if (!intOrString) { // the int-or-string alternatives are replaced by the two types below
                        ArrayNode list = out.putArray(key);
                        value.forEach(v -> list.add(v.isObject() ? convert(v) : v));
                    }
                }
                case "format", "nullable", "description", "example", "externalDocs" -> {
                    // documentation, or formats the server does not enforce the way draft-07 would
                }
                default -> {
                    if (!key.startsWith("x-kubernetes-")) {
                        out.set(key, value);
                    }
                }
            }
        }
        if (intOrString) {
            ArrayNode types = out.putArray("type");
            types.add("integer").add("string");
        }
        if (node.path("nullable").asBoolean(false) && out.has("type")) {
            ArrayNode types = F.arrayNode();
            JsonNode t = out.get("type");
            if (t.isArray()) {
                types.addAll((ArrayNode) t);
            } else {
                types.add(t);
            }
            types.add("null");
            out.set("type", types);
        }
        if (!preserve && "object".equals(node.path("type").asText()) && !node.has("additionalProperties")) {
            out.put("additionalProperties", false);
            if (!out.has("properties")) {
                out.putObject("properties");
            }
        }
        return out;
    }
}
