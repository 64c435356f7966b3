package dev.palisade.index;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.palisade.model.ManifestObject;
import dev.palisade.model.Workloads;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * What the offline index keeps of an object: only what cross-object rules read of the objects the
 * index hands them, so that a lint run does not hold every tree, position and typed model until its
 * last cross-object rule has run (the webhook's informer index slims its cache the same way).
 *
 * <p>A view has the object's source, apiVersion, kind, metadata (without {@code managedFields}) and
 * namespace, and no positions: findings never point into another object. Beyond that it holds
 * <ul>
 *   <li>the whole object for the kinds rules look up by kind ({@link #WHOLE}): Services, claims,
 *       volumes, storage classes, Namespaces, HPAs, PDBs, LimitRanges, CRDs (their schemas validate
 *       custom resources) and the other small objects rules read fields of;</li>
 *   <li>the keys of a ConfigMap's or Secret's data, each with an empty value (env-ref-missing asks
 *       whether a key exists, never for its value);</li>
 *   <li>for objects that run pods, their spec without the pod template, and of the template its
 *       metadata and, of every container and init container, the name and ports (selector rules
 *       read the replicas, selector, owners, template labels and container ports of the workloads
 *       the index returns).</li>
 * </ul>
 * A rule that reads more of the objects the index returns must add it here: TwoStepLintTest lints
 * every rule fixture with views and with whole objects in the index and requires the same findings,
 * so a missing field fails it. A run streams, and so uses views, only when its parsed files would
 * not fit the heap (see Engine#lint). Views are copied into compact
 * trees ({@link CompactTrees}); one instance serves one lint run, on every core.
 */
public final class IndexViews {
    /** Kinds kept whole: small, few, and read field by field by the rules that look them up. */
    static final Set<String> WHOLE = Set.of("Namespace", "Service", "PersistentVolumeClaim", "PersistentVolume",
            "StorageClass", "HorizontalPodAutoscaler", "PodDisruptionBudget", "LimitRange", "Endpoints",
            "EndpointSlice", "CustomResourceDefinition", "ScaledObject", "SealedSecret", "ExternalSecret");
    /** Kinds whose data maps are kept by key only. */
    private static final Set<String> KEYED_DATA = Set.of("ConfigMap", "Secret");
    private static final Set<String> DATA_FIELDS = Set.of("data", "stringData", "binaryData");
    private static final Set<String> CONTAINER_LISTS = Set.of("containers", "initContainers", "ephemeralContainers");
    private static final Set<String> CONTAINER_FIELDS = Set.of("name", "ports");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final TextNode NO_VALUE = TextNode.valueOf("");

    private final CompactTrees compact = new CompactTrees();

    /** The view of {@code o} that the index holds in its place. */
    public ManifestObject of(ManifestObject o) {
        ObjectNode tree = o.tree();
        String kind = o.kind();
        ObjectNode slim;
        if (kind != null && WHOLE.contains(kind)) {
            slim = tree;
        } else if (kind != null && KEYED_DATA.contains(kind)) {
            slim = keyedData(tree);
        } else {
            String templatePath = Workloads.templatePath(o);
            slim = templatePath == null ? identity(tree) : workload(tree, templatePath);
        }
        return ManifestObject.view(o.source(), (ObjectNode) compact.copy(slim), o.namespace());
    }

    /** apiVersion, kind and metadata, in the object's key order. */
    private static ObjectNode identity(ObjectNode tree) {
        ObjectNode out = NODES.objectNode();
        tree.fields().forEachRemaining(e -> {
            switch (e.getKey()) {
                case "apiVersion", "kind" -> out.set(e.getKey(), e.getValue());
                case "metadata" -> out.set("metadata", metadata(e.getValue()));
                default -> { }
            }
        });
        return out;
    }

    private static JsonNode metadata(JsonNode metadata) {
        if (!(metadata instanceof ObjectNode m) || !m.has("managedFields")) {
            return metadata;
        }
        ObjectNode out = NODES.objectNode();
        m.fields().forEachRemaining(e -> {
            if (!e.getKey().equals("managedFields")) {
                out.set(e.getKey(), e.getValue());
            }
        });
        return out;
    }

    private static ObjectNode keyedData(ObjectNode tree) {
        ObjectNode out = NODES.objectNode();
        tree.fields().forEachRemaining(e -> {
            JsonNode value = e.getValue();
            if (DATA_FIELDS.contains(e.getKey()) && value instanceof ObjectNode data) {
                ObjectNode keys = NODES.objectNode();
                data.fieldNames().forEachRemaining(k -> keys.set(k, NO_VALUE));
                out.set(e.getKey(), keys);
            } else {
                out.set(e.getKey(), e.getKey().equals("metadata") ? metadata(value) : value);
            }
        });
        return out;
    }

    /** The identity, plus the spec with the pod template at {@code templatePath} slimmed. */
    private static ObjectNode workload(ObjectNode tree, String templatePath) {
        if (templatePath.isEmpty()) { // a Pod: the template is the object itself
            return template(tree, true);
        }
        String[] steps = templatePath.split("\\.");
        ObjectNode out = identity(tree);
        JsonNode spec = tree.get("spec");
        if (spec != null) {
            out.set("spec", along(spec, steps, 1));
        }
        return out;
    }

    /**
     * {@code node} (reached by {@code steps[0..at)}) with the fields off the path kept as they are and
     * the node at the end of the path slimmed as a pod template.
     */
    private static JsonNode along(JsonNode node, String[] steps, int at) {
        if (!(node instanceof ObjectNode object)) {
            return node;
        }
        if (at == steps.length) {
            return template(object, false);
        }
        ObjectNode out = NODES.objectNode();
        object.fields().forEachRemaining(e -> out.set(e.getKey(),
                e.getKey().equals(steps[at]) ? along(e.getValue(), steps, at + 1) : e.getValue()));
        return out;
    }

    /** A pod template (or a Pod): its metadata, and its spec's containers by name and ports. */
    private static ObjectNode template(ObjectNode template, boolean keepIdentity) {
        ObjectNode out = NODES.objectNode();
        template.fields().forEachRemaining(e -> {
            switch (e.getKey()) {
                case "metadata" -> out.set("metadata", metadata(e.getValue()));
                case "spec" -> out.set("spec", podSpec(e.getValue()));
                case "apiVersion", "kind" -> {
                    if (keepIdentity) {
                        out.set(e.getKey(), e.getValue());
                    }
                }
                default -> { }
            }
        });
        return out;
    }

    private static JsonNode podSpec(JsonNode spec) {
        if (!(spec instanceof ObjectNode object)) {
            return spec;
        }
        ObjectNode out = NODES.objectNode();
        object.fields().forEachRemaining(e -> {
            if (CONTAINER_LISTS.contains(e.getKey())) {
                out.set(e.getKey(), containers(e.getValue()));
            }
        });
        return out;
    }

    private static JsonNode containers(JsonNode list) {
        if (!list.isArray()) {
            return list;
        }
        var out = NODES.arrayNode(list.size());
        for (JsonNode c : list) {
            out.add(c instanceof ObjectNode container ? only(container, CONTAINER_FIELDS) : c);
        }
        return out;
    }

    private static ObjectNode only(ObjectNode node, Set<String> fields) {
        ObjectNode out = NODES.objectNode();
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (fields.contains(e.getKey())) {
                out.set(e.getKey(), e.getValue());
            }
        }
        return out;
    }
}
