package dev.palisade.rules.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.palisade.Fixtures;
import dev.palisade.config.PalisadeConfig;
import dev.palisade.load.ManifestLoader;
import dev.palisade.model.ManifestObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class QuickConformanceTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The quick check may only vouch for objects networknt finds nothing wrong with: over every
     * object of the repository's test data (fixtures full of schema violations, realistic manifests,
     * hostile input), an object it accepts has no violation.
     */
    @Test
    void vouchesOnlyForObjectsNetworkntAccepts() throws IOException {
        SchemaRegistry registry = SchemaRegistry.forOptions(PalisadeConfig.DEFAULT.schema());
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Fixtures.testdata())) {
            files = walk.filter(p -> p.toString().matches(".*\\.(ya?ml|json)$") && Files.isRegularFile(p)).sorted().toList();
        }
        int vouched = 0;
        int refused = 0;
        for (ManifestObject o : new ManifestLoader().loadAll(files).stream().flatMap(f -> f.objects().stream()).toList()) {
            if (o.ref().apiVersion() == null || o.kind() == null) {
                continue;
            }
            Optional<SchemaRegistry.Compiled> schema = registry.builtIn(o.ref().apiVersion(), o.kind());
            if (schema.isEmpty()) {
                continue;
            }
            if (schema.get().quick().conforms(o.tree())) {
                vouched++;
                assertEquals(0, schema.get().schema().validate(SchemaValidation.withoutNullFields(o.tree())).size(),
                        o.source() + " " + o.kind() + " " + o.name() + ": vouched for but networknt disagrees");
            } else {
                refused++;
            }
        }
        assertTrue(vouched > 100 && refused > 20, "vouched " + vouched + ", refused " + refused);
    }

    @Test
    void holdsForTheKeywordsItKnows() throws IOException {
        JsonNode schema = JSON.readTree("""
                {"$ref": "#/definitions/T", "definitions": {"T": {"type": "object", "required": ["name"],
                  "additionalProperties": false, "properties": {
                    "name": {"type": "string", "pattern": "^[a-z]+$"},
                    "size": {"type": "integer", "minimum": 0, "maximum": 10, "x-palisade-format": "int32"},
                    "mode": {"type": "string", "enum": ["a", "b"]},
                    "amount": {"type": ["string", "number"]},
                    "tags": {"type": "array", "items": {"type": "string"}}}}}}
                """);
        assertTrue(check(schema, "{\"name\": \"web\", \"size\": 3, \"mode\": \"a\", \"amount\": 2, \"tags\": [\"x\"]}"));
        assertTrue(check(schema, "{\"name\": \"web\", \"amount\": \"1Gi\"}"));
        assertFalse(check(schema, "{\"size\": 3}"), "required");
        assertFalse(check(schema, "{\"name\": \"Web\"}"), "pattern");
        assertFalse(check(schema, "{\"name\": \"web\", \"size\": 11}"), "maximum");
        assertFalse(check(schema, "{\"name\": \"web\", \"size\": -1}"), "minimum");
        assertFalse(check(schema, "{\"name\": \"web\", \"size\": 3.0}"), "1.0 is not shown to be an integer");
        assertFalse(check(schema, "{\"name\": \"web\", \"mode\": \"c\"}"), "enum");
        assertFalse(check(schema, "{\"name\": \"web\", \"extra\": 1}"), "additionalProperties");
        assertFalse(check(schema, "{\"name\": \"web\", \"tags\": [1]}"), "items");
        assertFalse(check(schema, "{\"name\": \"web\", \"amount\": true}"), "type list");
    }

    @Test
    void takesNullFieldsAsAbsent() throws IOException {
        JsonNode schema = JSON.readTree("""
                {"type": "object", "required": ["name"], "additionalProperties": false, "properties": {
                  "name": {"type": "string"}, "meta": {"type": "object", "enum": [{"a": 1}]},
                  "items": {"type": "array", "items": {"type": "object", "properties": {"n": {"type": "integer"}}}}}}
                """);
        assertTrue(check(schema, "{\"name\": \"web\", \"extra\": null}"), "a null field of no property is absent");
        assertTrue(check(schema, "{\"name\": \"web\", \"items\": [{\"n\": null}]}"), "null fields in list items too");
        assertFalse(check(schema, "{\"name\": null}"), "a required field that is null is missing");
        assertFalse(check(schema, "{\"name\": \"web\", \"items\": [null]}"), "a null list item is not absent");
        assertFalse(check(schema, "{\"name\": \"web\", \"meta\": {\"a\": 1, \"b\": null}}"),
                "an enum of maps is left to networknt");
    }

    @Test
    void refusesWhatItDoesNotKnow() throws IOException {
        assertFalse(check(JSON.readTree("{\"oneOf\": [{\"type\": \"string\"}]}"), "\"x\""), "unknown keyword");
        assertFalse(check(JSON.readTree("{\"$ref\": \"http://example.com/s.json\"}"), "{}"), "remote reference");
        assertFalse(check(JSON.readTree("{\"$ref\": \"#/definitions/A\", \"definitions\": {\"A\": {\"$ref\": \"#/definitions/A\"}}}"),
                "{}"), "a loop of references");
        assertFalse(check(JSON.readTree("{\"type\": \"string\", \"pattern\": \"^(a+)+$\"}"),
                "\"" + "a".repeat(40) + "!\""), "a pattern over its work bound");
        assertTrue(check(JSON.readTree("{\"type\": \"string\", \"x-kubernetes-int-or-string\": true}"), "\"x\""),
                "annotations assert nothing");
    }

    private static boolean check(JsonNode schema, String instance) throws IOException {
        return QuickConformance.of(schema).conforms(JSON.readTree(instance));
    }
}
