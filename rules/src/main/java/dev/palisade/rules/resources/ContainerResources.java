package dev.palisade.rules.resources;

import com.fasterxml.jackson.databind.JsonNode;
import dev.palisade.model.JsonPath;
import dev.palisade.model.ManifestObject;
import dev.palisade.model.Quantity;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * The {@code resources} of one container or init container, read from the manifest tree rather than
 * the typed model: fabric8 reads any string as a quantity, and these rules must see what was written.
 */
record ContainerResources(String name, String path, boolean init, JsonNode requests, JsonNode limits) {

    /** Init containers first, then containers, of the object's pod template; empty for other kinds. */
    static List<ContainerResources> of(ManifestObject o) {
        List<ContainerResources> out = new ArrayList<>();
        o.podTemplate().ifPresent(t -> {
            JsonNode spec = at(o.tree(), t.specPath());
            add(spec.path("initContainers"), JsonPath.child(t.specPath(), "initContainers"), true, out);
            add(spec.path("containers"), JsonPath.child(t.specPath(), "containers"), false, out);
        });
        return out;
    }

    private static void add(JsonNode list, String path, boolean init, List<ContainerResources> out) {
        if (!list.isArray()) {
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode c = list.get(i);
            if (c.isObject()) {
                JsonNode resources = c.path("resources");
                out.add(new ContainerResources(c.path("name").asText("#" + i), JsonPath.index(path, i), init,
                        resources.path("requests"), resources.path("limits")));
            }
        }
    }

    private static JsonNode at(JsonNode root, String dotted) {
        JsonNode n = root;
        if (!dotted.isEmpty()) {
            for (String key : dotted.split("\\.")) {
                n = n.path(key);
            }
        }
        return n;
    }

    /** "container 'web'" or "init container 'setup'", as messages name it. */
    String describe() {
        return (init ? "init container '" : "container '") + name + "'";
    }

    String requestsPath() {
        return JsonPath.child(JsonPath.child(path, "resources"), "requests");
    }

    String limitsPath() {
        return JsonPath.child(JsonPath.child(path, "resources"), "limits");
    }

    String requestPath(String resource) {
        return JsonPath.child(requestsPath(), resource);
    }

    String limitPath(String resource) {
        return JsonPath.child(limitsPath(), resource);
    }

    /** Whether a request (or limit) for {@code resource} is written, whatever its value. */
    boolean hasRequest(String resource) {
        return present(requests, resource);
    }

    boolean hasLimit(String resource) {
        return present(limits, resource);
    }

    Optional<Quantity> request(String resource) {
        return hasRequest(resource) ? Quantity.of(requests.get(resource)) : Optional.empty();
    }

    Optional<Quantity> limit(String resource) {
        return hasLimit(resource) ? Quantity.of(limits.get(resource)) : Optional.empty();
    }

    /** Resource names with a request or a limit, requests first, each once. */
    List<String> resourceNames() {
        List<String> names = new ArrayList<>();
        for (JsonNode map : List.of(requests, limits)) {
            if (map.isObject()) {
                Iterator<String> it = map.fieldNames();
                while (it.hasNext()) {
                    String n = it.next();
                    if (!names.contains(n)) {
                        names.add(n);
                    }
                }
            }
        }
        return names;
    }

    private static boolean present(JsonNode map, String resource) {
        return map.isObject() && map.has(resource) && !map.get(resource).isNull();
    }
}
