package dev.palisade.rules.user;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.resource.InputStreamSource;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compiles the JSON Schemas of user rules with networknt, offline: a schema may only refer inside itself
 * ({@code $ref: "#/$defs/x"}); meta-schemas come from the validator's own jar, and any other schema
 * load fails instead of reaching the network.
 */
final class UserSchemas {
    /** Polaris's custom checks are written against 2019-09; a schema without $schema gets that dialect. */
    static final String DEFAULT_DIALECT = "https://json-schema.org/draft/2019-09/schema";

    /** Dialects networknt implements, by the $schema values people write, to their meta-schema IRIs. */
    private static final Map<String, String> DIALECTS = Map.of(
            "http://json-schema.org/draft-04/schema", "http://json-schema.org/draft-04/schema#",
            "http://json-schema.org/draft-06/schema", "http://json-schema.org/draft-06/schema#",
            "http://json-schema.org/draft-07/schema", "http://json-schema.org/draft-07/schema#",
            "https://json-schema.org/draft/2019-09/schema", "https://json-schema.org/draft/2019-09/schema",
            "https://json-schema.org/draft/2020-12/schema", "https://json-schema.org/draft/2020-12/schema");

    private static final Set<String> REF_KEYWORDS = Set.of("$ref", "$dynamicRef", "$recursiveRef");

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V201909,
            b -> b.schemaLoaders(loaders -> loaders.add(iri -> iri.toString().startsWith("classpath:") ? null
                    : refused(iri.toString())))
                    .metaSchemas(List.of(JsonMetaSchema.getV4(), JsonMetaSchema.getV6(), JsonMetaSchema.getV7(),
                            JsonMetaSchema.getV201909(), JsonMetaSchema.getV202012()).stream()
                            .map(UserSchemas::withResourceBounds).toList()));

    /** A dialect plus Polaris's resourceMinimum/resourceMaximum keywords. */
    private static JsonMetaSchema withResourceBounds(JsonMetaSchema dialect) {
        return JsonMetaSchema.builder(dialect)
                .keyword(ResourceBoundKeyword.MINIMUM)
                .keyword(ResourceBoundKeyword.MAXIMUM)
                .build();
    }

    private UserSchemas() {
    }

    private static InputStreamSource refused(String iri) {
        return () -> {
            throw new IOException("Palisade does not load schemas from " + iri + " (no network at lint time)");
        };
    }

    /** Problems that make {@code schema} unusable, as messages (empty when it compiles and is valid). */
    static List<String> problems(JsonNode schema) {
        List<String> out = new ArrayList<>();
        if (!schema.isObject() && !schema.isBoolean()) {
            out.add("schema must be a mapping (or true/false)");
            return out;
        }
        String dialect = dialectOf(schema);
        if (dialect == null) {
            out.add("$schema '" + schema.path("$schema").asText() + "' is not a supported dialect; use one of "
                    + DIALECTS.keySet().stream().sorted().toList());
            return out;
        }
        checkRefs(schema, "", out);
        if (!out.isEmpty()) {
            return out;
        }
        try {
            JsonSchema meta = FACTORY.getSchema(SchemaLocation.of(dialect));
            for (ValidationMessage m : meta.validate(schema)) {
                out.add("schema is not valid " + dialectName(dialect) + ": " + m.getMessage());
            }
        } catch (RuntimeException e) {
            out.add("schema cannot be checked: " + e.getMessage());
        }
        if (out.isEmpty()) {
            try {
                compile(schema).initializeValidators();
            } catch (RuntimeException e) {
                out.add("schema cannot be compiled: " + e.getMessage());
            }
        }
        return out;
    }

    /** Compiles a schema that {@link #problems} accepted. */
    static JsonSchema compile(JsonNode schema) {
        JsonNode withDialect = schema;
        if (schema.isObject() && !schema.has("$schema")) {
            withDialect = schema.deepCopy();
            ((com.fasterxml.jackson.databind.node.ObjectNode) withDialect).put("$schema", DEFAULT_DIALECT);
        }
        JsonSchema compiled = FACTORY.getSchema(withDialect);
        compiled.initializeValidators();
        return compiled;
    }

    private static String dialectOf(JsonNode schema) {
        JsonNode s = schema.path("$schema");
        if (s.isMissingNode()) {
            return DEFAULT_DIALECT;
        }
        String v = s.asText();
        String key = v.endsWith("#") ? v.substring(0, v.length() - 1) : v;
        String found = DIALECTS.get(key);
        if (found == null && key.startsWith("https://json-schema.org/draft-0")) {
            found = DIALECTS.get("http" + key.substring(5));
        } else if (found == null && key.startsWith("http://json-schema.org/draft/")) {
            found = DIALECTS.get("https" + key.substring(4));
        }
        return found;
    }

    private static String dialectName(String iri) {
        return iri.replaceAll(".*/(draft[-/][0-9-]+)/.*", "$1");
    }

    /** Refuses references that leave the schema: they would need a file or the network. */
    private static void checkRefs(JsonNode node, String where, List<String> out) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> f = it.next();
                String here = where + "/" + f.getKey();
                if (REF_KEYWORDS.contains(f.getKey()) && f.getValue().isTextual()
                        && !f.getValue().asText().startsWith("#")) {
                    out.add("schema " + here + ": '" + f.getValue().asText() + "' refers outside the schema; only "
                            + "local references (#/...) are allowed, Palisade fetches nothing");
                } else if (f.getKey().equals("$id") && f.getValue().isTextual() && !where.isEmpty()) {
                    out.add("schema " + here + ": embedded $id is not supported; use $defs with local references");
                } else {
                    checkRefs(f.getValue(), here, out);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                checkRefs(node.get(i), where + "/" + i, out);
            }
        }
    }
}
