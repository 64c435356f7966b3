package dev.palisade.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * One Kubernetes object as rules see it: the generic tree (any kind, CRDs included), a typed fabric8
 * model for built-in kinds, and where each of its nodes stands in the source.
 */
public final class ManifestObject {
    private final String source;
    private final ObjectNode tree;
    private final PositionIndex positions;
    private final ObjectRef ref;
    private final String effectiveNamespace;
    /** Whether the typed model is kept once read; an index view reads it again when asked (see {@link #view}). */
    private final boolean keepsTyped;
    private volatile TypedModels.Conversion conversion;
    private volatile Optional<PodTemplateView> podTemplate;
    private volatile Map<String, Object> memo; // made on first use: most objects of a run never memoise

    /**
     * @param source           the file the object came from ("-" for stdin, "<admission>" in the cluster)
     * @param tree             the object's content
     * @param positions        positions of the tree's nodes, relative to the object's root
     * @param defaultNamespace the namespace of namespaced objects that do not name one
     */
    public ManifestObject(String source, ObjectNode tree, PositionIndex positions, String defaultNamespace) {
        this(source, tree, positions, defaultNamespace, true);
    }

    private ManifestObject(String source, ObjectNode tree, PositionIndex positions, String defaultNamespace,
            boolean keepsTyped) {
        this.keepsTyped = keepsTyped;
        this.source = source;
        this.tree = tree;
        this.positions = positions;
        String kind = text(tree, "kind");
        String ns = text(tree.path("metadata"), "namespace");
        this.ref = new ObjectRef(text(tree, "apiVersion"), kind, ns, text(tree.path("metadata"), "name"));
        this.effectiveNamespace = Kinds.isClusterScoped(kind) ? null
                : (ns == null || ns.isEmpty() ? defaultNamespace : ns);
    }

    /**
     * What an index keeps of an object for the whole run: a slimmed tree, no positions (findings never
     * point into another object), the object's namespace. Its typed model is read on each use and not
     * kept, since a view lives as long as the run; its pod template, once read, is kept.
     */
    public static ManifestObject view(String source, ObjectNode slimTree, String namespace) {
        return new ManifestObject(source, slimTree, NO_POSITIONS, namespace, false);
    }

    private static final PositionIndex NO_POSITIONS = new PositionIndex();

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.isTextual() ? v.asText() : null; // kind: 42 is no kind
    }

    public String source() {
        return source;
    }

    public ObjectNode tree() {
        return tree;
    }

    public PositionIndex positions() {
        return positions;
    }

    /** apiVersion, kind, name and the namespace as written (null when absent). */
    public ObjectRef ref() {
        return ref;
    }

    public String kind() {
        return ref.kind();
    }

    public String name() {
        return ref.name();
    }

    /** The namespace the object lands in: as written, else the default; null for cluster-scoped kinds. */
    public String namespace() {
        return effectiveNamespace;
    }

    /** The fabric8 model of this object, when its apiVersion/kind is a built-in Palisade knows. */
    public Optional<HasMetadata> typed() {
        return Optional.ofNullable(conversion().value());
    }

    /**
     * The typed model when it is of the given class. Objects of other kinds are not converted: a rule
     * asking every object {@code as(Pod.class)} must not pay for reading every Service into fabric8.
     */
    public <T extends HasMetadata> Optional<T> as(Class<T> type) {
        Class<? extends HasMetadata> model = Kinds.typedModel(ref.apiVersion(), ref.kind());
        if (model == null || !type.isAssignableFrom(model)) {
            return Optional.empty();
        }
        return typed().filter(type::isInstance).map(type::cast);
    }

    /** Fields whose value the typed model could not read (e.g. {@code replicas: 3e}). */
    public List<TypedModels.FieldError> typeErrors() {
        return conversion().errors();
    }

    /** The pod template when the object runs pods (see {@link Workloads}). */
    public Optional<PodTemplateView> podTemplate() {
        Optional<PodTemplateView> t = podTemplate;
        if (t == null) {
            t = Workloads.extract(this);
            podTemplate = t;
        }
        return t;
    }

    /**
     * Computes a value once per object and keeps it, so that several rules can share one expensive
     * result (e.g. the schema validation of this object). Keys are owned by their callers: use a
     * class name as prefix.
     */
    @SuppressWarnings("unchecked")
    public <T> T memo(String key, Supplier<T> compute) {
        Map<String, Object> m = memo;
        if (m == null) {
            synchronized (this) {
                m = memo;
                if (m == null) {
                    m = new ConcurrentHashMap<>(4);
                    memo = m;
                }
            }
        }
        return (T) m.computeIfAbsent(key, k -> compute.get());
    }

    private TypedModels.Conversion conversion() {
        TypedModels.Conversion c = conversion;
        if (c == null) {
            c = TypedModels.convert(tree, ref);
            if (keepsTyped) {
                conversion = c;
            }
        }
        return c;
    }
}
