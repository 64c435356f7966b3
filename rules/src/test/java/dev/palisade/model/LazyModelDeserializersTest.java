package dev.palisade.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.palisade.load.ManifestLoader;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The deferred deserializers read exactly what Jackson's own read: same values, same errors and paths. */
class LazyModelDeserializersTest {
    /** TypedModels.MAPPER without the deferred deserializers. */
    private static final ObjectMapper EAGER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    @Test
    void everyTestdataObjectReadsTheSame() throws IOException {
        ManifestLoader loader = new ManifestLoader();
        int compared = 0;
        try (Stream<Path> files = Files.walk(Path.of("../testdata"))) {
            for (Path f : files.filter(p -> p.toString().matches(".*\\.(yaml|yml|json)")).sorted().toList()) {
                for (ManifestObject o : loader.load(f).objects()) {
                    Class<? extends HasMetadata> type = Kinds.typedModel(o.ref().apiVersion(), o.kind());
                    if (type != null) {
                        assertSameRead(o.tree(), type, f + " " + o.ref());
                        compared++;
                    }
                }
            }
        }
        assertTrue(compared > 100, "compared only " + compared + " objects");
    }

    @Test
    void badFieldsFailWithTheSameMessageAndPath() throws IOException {
        for (String doc : List.of(
                "{\"kind\":\"Pod\",\"spec\":{\"containers\":\"nginx\"}}",
                "{\"kind\":\"Pod\",\"spec\":{\"containers\":[{\"name\":\"a\",\"ports\":[{\"containerPort\":\"http\"}]}]}}",
                "{\"kind\":\"Pod\",\"spec\":{\"volumes\":[{\"name\":\"v\",\"hostPath\":[1]}]}}",
                "{\"kind\":\"Pod\",\"spec\":{\"securityContext\":{\"runAsUser\":\"root\"}}}",
                "{\"kind\":\"Pod\",\"metadata\":{\"labels\":[\"a\"]},\"spec\":{\"affinity\":7}}",
                "{\"kind\":\"Pod\",\"spec\":{\"containers\":[{\"name\":\"a\",\"resources\":{\"limits\":{\"cpu\":[1]}}}]}}")) {
            assertTrue(assertSameRead(EAGER.readTree(doc), Pod.class, doc), "no error for " + doc);
        }
        String nulls = "{\"kind\":\"Pod\",\"spec\":{\"containers\":[null,{\"name\":\"b\"}],\"nodeSelector\":null}}";
        assertSameRead(EAGER.readTree(nulls), Pod.class, nulls);
        String deployment = "{\"kind\":\"Deployment\",\"spec\":{\"replicas\":\"three\",\"template\":{\"spec\":"
                + "{\"containers\":[{\"name\":\"a\",\"livenessProbe\":{\"httpGet\":{\"port\":{\"x\":1}}}}]}}}}";
        assertTrue(assertSameRead(EAGER.readTree(deployment), Deployment.class, deployment));
    }

    /** Whether the read failed (the same way both times). */
    private static boolean assertSameRead(JsonNode tree, Class<?> type, String what) {
        Object eager = null;
        Object lazy = null;
        JsonMappingException eagerError = null;
        JsonMappingException lazyError = null;
        try {
            eager = EAGER.treeToValue(tree, type);
        } catch (JsonMappingException e) {
            eagerError = e;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        try {
            lazy = TypedModels.MAPPER.treeToValue(tree, type);
        } catch (JsonMappingException e) {
            lazyError = e;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        // compared as trees: fabric8's Quantity.equals parses the amounts and throws on bad ones
        assertEquals(EAGER.valueToTree(eager), EAGER.valueToTree(lazy), what);
        assertEquals(eagerError == null, lazyError == null, what + ": " + eagerError + " / " + lazyError);
        if (eagerError != null) {
            assertNotNull(lazyError);
            assertEquals(eagerError.getClass(), lazyError.getClass(), what);
            assertEquals(eagerError.getOriginalMessage(), lazyError.getOriginalMessage(), what);
            assertEquals(eagerError.getPathReference(), lazyError.getPathReference(), what);
        }
        return eagerError != null;
    }
}
