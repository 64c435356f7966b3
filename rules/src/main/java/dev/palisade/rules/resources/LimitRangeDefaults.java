package dev.palisade.rules.resources;

import com.fasterxml.jackson.databind.JsonNode;
import dev.palisade.engine.ObjectContext;
import dev.palisade.model.ManifestObject;
import dev.palisade.model.Quantity;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * The container defaults that LimitRanges in the object's namespace supply at admission. The API
 * server defaults a Container item as follows (SetDefaults_LimitRangeItem): a missing {@code default}
 * limit is the {@code max}; a missing {@code defaultRequest} is the {@code default}, else the {@code min}.
 */
final class LimitRangeDefaults {
    /** A defaulted amount and the LimitRange it comes from. */
    record Default(Quantity quantity, String limitRange) {
    }

    private final Map<String, Default> requests = new HashMap<>();
    private final Map<String, Default> limits = new HashMap<>();

    private LimitRangeDefaults() {
    }

    /** Defaults of every LimitRange the index knows in the object's namespace (none in the cluster without them). */
    static LimitRangeDefaults of(ObjectContext ctx) {
        LimitRangeDefaults d = new LimitRangeDefaults();
        if (!ctx.index().covers("LimitRange")) {
            return d;
        }
        ManifestObject o = ctx.object();
        for (ManifestObject lr : ctx.index().list("LimitRange", o.namespace())) {
            JsonNode items = lr.tree().path("spec").path("limits");
            if (!items.isArray()) {
                continue;
            }
            for (JsonNode item : items) {
                if ("Container".equals(item.path("type").asText())) {
                    d.read(item, lr.ref().display());
                }
            }
        }
        return d;
    }

    private void read(JsonNode item, String source) {
        Map<String, Quantity> limit = quantities(item.path("max"));
        limit.putAll(quantities(item.path("default")));
        Map<String, Quantity> request = quantities(item.path("min"));
        request.putAll(limit);
        request.putAll(quantities(item.path("defaultRequest")));
        limit.forEach((r, q) -> limits.putIfAbsent(r, new Default(q, source)));
        request.forEach((r, q) -> requests.putIfAbsent(r, new Default(q, source)));
    }

    private static Map<String, Quantity> quantities(JsonNode map) {
        Map<String, Quantity> out = new HashMap<>();
        if (map.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = map.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                Quantity.of(e.getValue()).ifPresent(q -> out.put(e.getKey(), q));
            }
        }
        return out;
    }

    Optional<Default> request(String resource) {
        return Optional.ofNullable(requests.get(resource));
    }

    Optional<Default> limit(String resource) {
        return Optional.ofNullable(limits.get(resource));
    }
}
