package dev.palisade.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.palisade.config.PalisadeConfig.SchemaOptions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Records whose equals and hashCode are written out (to spare their invokedynamic bootstrap at start)
 * must behave exactly as the generated ones: same equality, same hash codes, so that hash map order,
 * and with it anything derived from it, is unchanged. Compared with records of the same components.
 */
class WrittenOutRecordMethodsTest {
    private record GeneratedRef(String apiVersion, String kind, String namespace, String name) {
    }

    private record GeneratedOptions(String kubernetesVersion, List<String> crdPaths, List<String> schemaLocations,
            boolean allowNetwork, boolean strictKinds) {
    }

    private static final List<String> TEXTS = java.util.Arrays.asList(null, "", "v1", "apps/v1", "Pod");

    @Test
    void objectRefMatchesTheGeneratedMethods() {
        List<ObjectRef> refs = new ArrayList<>();
        List<GeneratedRef> generated = new ArrayList<>();
        for (String a : TEXTS) {
            for (String k : TEXTS) {
                for (String n : TEXTS) {
                    refs.add(new ObjectRef(a, k, n, k));
                    generated.add(new GeneratedRef(a, k, n, k));
                }
            }
        }
        for (int i = 0; i < refs.size(); i++) {
            assertEquals(generated.get(i).hashCode(), refs.get(i).hashCode(), refs.get(i).toString());
            for (int j = 0; j < refs.size(); j++) {
                assertEquals(generated.get(i).equals(generated.get(j)), refs.get(i).equals(refs.get(j)));
            }
        }
        assertEquals(false, refs.get(0).equals(generated.get(0)));
    }

    @Test
    void schemaOptionsMatchTheGeneratedMethods() {
        List<SchemaOptions> options = new ArrayList<>();
        List<GeneratedOptions> generated = new ArrayList<>();
        for (String v : TEXTS) {
            for (List<String> paths : java.util.Arrays.asList(null, List.<String>of(), List.of("crds/"))) {
                for (boolean network : new boolean[] {false, true}) {
                    options.add(new SchemaOptions(v, paths, List.of("x"), network, !network));
                    generated.add(new GeneratedOptions(v, paths, List.of("x"), network, !network));
                }
            }
        }
        for (int i = 0; i < options.size(); i++) {
            assertEquals(generated.get(i).hashCode(), options.get(i).hashCode(), options.get(i).toString());
            for (int j = 0; j < options.size(); j++) {
                assertEquals(generated.get(i).equals(generated.get(j)), options.get(i).equals(options.get(j)));
            }
        }
    }
}
