package dev.palisade.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.List;

/** Reads generic trees into fabric8 models, turning unreadable fields into errors with a path. */
public final class TypedModels {
    /** Enough to get past every bad field of a realistic object, bounded for hostile ones. */
    private static final int MAX_FIELD_ERRORS = 32;

    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .addModule(new SimpleModule("palisade-lazy-models") {
                @Override
                public void setupModule(SetupContext context) {
                    context.addDeserializers(new LazyModelDeserializers());
                }
            })
            .build();

    /** A field the typed model could not read, and why. */
    public record FieldError(String path, String message) {
    }

    /** The typed model (null for unknown kinds) and the fields dropped to build it. */
    public record Conversion(HasMetadata value, List<FieldError> errors) {
    }

    private TypedModels() {
    }

    static Conversion convert(ObjectNode tree, ObjectRef ref) {
        Class<? extends HasMetadata> type = Kinds.typedModel(ref.apiVersion(), ref.kind());
        if (type == null) {
            return new Conversion(null, List.of());
        }
        return readModel(tree, type);
    }

    /**
     * Reads {@code tree} as {@code type}. A field of the wrong type is recorded and removed from a
     * copy of the tree, and reading starts again, so one bad field does not hide the rest.
     */
    public static <T> TypedConversion<T> read(JsonNode tree, Class<T> type) {
        List<FieldError> errors = new ArrayList<>();
        JsonNode current = tree;
        while (true) {
            try {
                return new TypedConversion<>(MAPPER.treeToValue(current, type), errors);
            } catch (JsonMappingException e) {
                String path = pathOf(e);
                errors.add(new FieldError(path, describe(e)));
                if (errors.size() >= MAX_FIELD_ERRORS || path.isEmpty()) {
                    return new TypedConversion<>(null, errors);
                }
                current = current == tree ? tree.deepCopy() : current;
                if (!remove(current, e.getPath())) {
                    return new TypedConversion<>(null, errors);
                }
            } catch (JsonProcessingException | IllegalArgumentException e) {
                errors.add(new FieldError("", e.getMessage()));
                return new TypedConversion<>(null, errors);
            }
        }
    }

    /** Result of {@link #read}. */
    public record TypedConversion<T>(T value, List<FieldError> errors) {
    }

    private static Conversion readModel(ObjectNode tree, Class<? extends HasMetadata> type) {
        TypedConversion<? extends HasMetadata> c = read((JsonNode) tree, type);
        return new Conversion(c.value(), List.copyOf(c.errors()));
    }

    private static String pathOf(JsonMappingException e) {
        String path = "";
        for (JsonMappingException.Reference r : e.getPath()) {
            path = r.getFieldName() != null ? JsonPath.child(path, r.getFieldName()) : JsonPath.index(path, r.getIndex());
        }
        return path;
    }

    private static String describe(JsonMappingException e) {
        String target = e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException mi && mi.getTargetType() != null
                ? simpleType(mi.getTargetType())
                : null;
        String original = e.getOriginalMessage();
        if (target != null) {
            return "expected " + target;
        }
        int cut = original.indexOf('\n');
        return cut > 0 ? original.substring(0, cut) : original;
    }

    private static String simpleType(Class<?> t) {
        if (t == Integer.class || t == int.class || t == Long.class || t == long.class) {
            return "an integer";
        }
        if (t == Boolean.class || t == boolean.class) {
            return "a boolean (true or false)";
        }
        if (t == String.class) {
            return "a string";
        }
        if (java.util.List.class.isAssignableFrom(t)) {
            return "a list";
        }
        if (java.util.Map.class.isAssignableFrom(t)) {
            return "a map";
        }
        if (t.getName().endsWith("IntOrString")) {
            return "an integer or a string";
        }
        if (t.getName().endsWith("Quantity")) {
            return "a quantity";
        }
        return "an object (" + t.getSimpleName() + ")";
    }

    private static boolean remove(JsonNode root, List<JsonMappingException.Reference> path) {
        if (path.isEmpty()) {
            return false;
        }
        JsonNode parent = root;
        for (int i = 0; i < path.size() - 1; i++) {
            JsonMappingException.Reference r = path.get(i);
            parent = r.getFieldName() != null ? parent.get(r.getFieldName()) : parent.get(r.getIndex());
            if (parent == null) {
                return false;
            }
        }
        JsonMappingException.Reference last = path.get(path.size() - 1);
        if (last.getFieldName() != null && parent instanceof ObjectNode o && o.has(last.getFieldName())) {
            o.remove(last.getFieldName());
            return true;
        }
        if (last.getFieldName() == null && parent instanceof ArrayNode a && last.getIndex() >= 0 && last.getIndex() < a.size()) {
            a.remove(last.getIndex());
            return true;
        }
        return false;
    }
}
