package dev.palisade.rules.selectors;

import com.fasterxml.jackson.databind.JsonNode;
import dev.palisade.model.ManifestObject;
import java.util.Map;

/** What the Service rules read from a Service manifest. */
final class Services {
    private Services() {
    }

    /**
     * Whether the object is a core v1 Service that routes to endpoints: any type but ExternalName, which
     * aliases a DNS name and has no pods or endpoints.
     */
    static boolean routesToEndpoints(ManifestObject o) {
        return "Service".equals(o.kind()) && o.ref().group().isEmpty()
                && !"ExternalName".equals(o.tree().path("spec").path("type").asText(""));
    }

    static JsonNode selectorNode(ManifestObject o) {
        return o.tree().path("spec").path("selector");
    }

    /** Whether the Service selects no pods: no selector, null, or {} (not a malformed one). */
    static boolean hasNoSelector(ManifestObject o) {
        JsonNode node = selectorNode(o);
        return node.isMissingNode() || node.isNull() || node.isObject() && node.isEmpty();
    }

    /** The selector as written; empty when absent, {} or not a mapping. */
    static Map<String, String> selector(ManifestObject o) {
        return Selectors.equalitySelector(selectorNode(o));
    }
}
