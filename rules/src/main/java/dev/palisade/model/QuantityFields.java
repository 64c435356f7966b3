package dev.palisade.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Where an object holds resource quantities: container and pod requests/limits, claim sizes, PV
 * capacity, LimitRange and ResourceQuota amounts, emptyDir size limits. One list, so that the rule
 * judging quantities and the rule judging field types agree on who reports a bad one.
 */
public final class QuantityFields {
    private static final List<String> LIMIT_RANGE_MAPS =
            List.of("max", "min", "default", "defaultRequest", "maxLimitRequestRatio");

    private QuantityFields() {
    }

    /**
     * A quantity value, the resource it measures (cpu, memory, nvidia.com/gpu...) and where it is: the
     * path of its map and its key there. The path itself is built when asked for (for a finding).
     */
    public record Entry(String parentPath, String key, String resource, JsonNode value) {
        public String path() {
            return JsonPath.child(parentPath, key);
        }
    }

    /** The object's quantity values, found once per object: several rules read them. */
    public static List<Entry> of(ManifestObject o) {
        return o.memo(QuantityFields.class.getName(), () -> List.copyOf(find(o)));
    }

    private static List<Entry> find(ManifestObject o) {
        List<Entry> out = new ArrayList<>();
        JsonNode tree = o.tree();
        o.podTemplate().ifPresent(t -> addPodSpec(at(tree, t.specPath()), t.specPath(), out));
        String kind = o.kind() == null ? "" : o.kind();
        JsonNode spec = tree.path("spec");
        switch (kind) {
            case "PersistentVolumeClaim" -> addRequirements(spec.path("resources"), JsonPath.of("spec", "resources"), out);
            case "PersistentVolume" -> addMap(spec.path("capacity"), JsonPath.of("spec", "capacity"), out);
            case "ResourceQuota" -> addMap(spec.path("hard"), JsonPath.of("spec", "hard"), out);
            case "LimitRange" -> forEachItem(spec.path("limits"), JsonPath.of("spec", "limits"), (item, path) -> {
                for (String m : LIMIT_RANGE_MAPS) {
                    addMap(item.path(m), JsonPath.child(path, m), out);
                }
            });
            case "StatefulSet" -> forEachItem(spec.path("volumeClaimTemplates"), JsonPath.of("spec", "volumeClaimTemplates"),
                    (item, path) -> addRequirements(item.path("spec").path("resources"),
                            JsonPath.child(JsonPath.child(path, "spec"), "resources"), out));
            default -> {
            }
        }
        return out;
    }

    /** Whether {@code path} is, or lies inside, one of the object's quantity values. */
    public static boolean contains(ManifestObject o, String path) {
        for (Entry e : of(o)) {
            if (path.equals(e.path()) || path.startsWith(e.path() + ".") || path.startsWith(e.path() + "[")) {
                return true;
            }
        }
        return false;
    }

    private static void addPodSpec(JsonNode podSpec, String path, List<Entry> out) {
        addRequirements(podSpec.path("resources"), JsonPath.child(path, "resources"), out);
        for (String field : List.of("initContainers", "containers")) {
            forEachItem(podSpec.path(field), JsonPath.child(path, field),
                    (c, cPath) -> addRequirements(c.path("resources"), JsonPath.child(cPath, "resources"), out));
        }
        forEachItem(podSpec.path("volumes"), JsonPath.child(path, "volumes"), (v, vPath) -> {
            JsonNode size = v.path("emptyDir").path("sizeLimit");
            if (!size.isMissingNode() && !size.isNull()) {
                out.add(new Entry(JsonPath.child(vPath, "emptyDir"), "sizeLimit", "ephemeral-storage", size));
            }
        });
    }

    private static void addRequirements(JsonNode resources, String path, List<Entry> out) {
        addMap(resources.path("requests"), JsonPath.child(path, "requests"), out);
        addMap(resources.path("limits"), JsonPath.child(path, "limits"), out);
    }

    private static void addMap(JsonNode map, String path, List<Entry> out) {
        if (!map.isObject()) {
            return; // a map of the wrong type is a field-type finding, not a quantity one
        }
        Iterator<Map.Entry<String, JsonNode>> fields = map.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            out.add(new Entry(path, f.getKey(), f.getKey(), f.getValue()));
        }
    }

    private interface ItemVisitor {
        void visit(JsonNode item, String path);
    }

    private static void forEachItem(JsonNode list, String path, ItemVisitor visitor) {
        if (!list.isArray()) {
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).isObject()) {
                visitor.visit(list.get(i), JsonPath.index(path, i));
            }
        }
    }

    /** The node at a dotted path of plain keys (pod template paths are such paths). */
    static JsonNode at(JsonNode root, String dotted) {
        JsonNode n = root;
        if (!dotted.isEmpty()) {
            for (String key : dotted.split("\\.")) {
                n = n.path(key);
            }
        }
        return n;
    }
}
