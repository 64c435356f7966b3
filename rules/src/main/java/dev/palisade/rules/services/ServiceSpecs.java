package dev.palisade.rules.services;

import com.fasterxml.jackson.databind.JsonNode;
import dev.palisade.model.JsonPath;
import dev.palisade.model.ManifestObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reading Services from the generic tree, so findings keep exact paths even in malformed specs. */
final class ServiceSpecs {
    static final String CLUSTER_IP = "ClusterIP";
    static final String NODE_PORT = "NodePort";
    static final String LOAD_BALANCER = "LoadBalancer";
    static final String EXTERNAL_NAME = "ExternalName";
    static final List<String> TYPES = List.of(CLUSTER_IP, NODE_PORT, LOAD_BALANCER, EXTERNAL_NAME);

    private ServiceSpecs() {
    }

    static boolean isService(ManifestObject o) {
        return "Service".equals(o.kind()) && o.ref().group().isEmpty();
    }

    static JsonNode spec(ManifestObject o) {
        return o.tree().path("spec");
    }

    /**
     * The Service's type: as written when it is one of the four, ClusterIP when absent or ""; empty when it
     * is invalid (service-type-invalid reports that, other rules then have nothing to go on).
     */
    static Optional<String> type(ManifestObject o) {
        JsonNode type = spec(o).path("type");
        if (type.isMissingNode() || type.isNull() || (type.isTextual() && type.asText().isEmpty())) {
            return Optional.of(CLUSTER_IP); // the API server defaults an empty type as well
        }
        return type.isTextual() && TYPES.contains(type.asText()) ? Optional.of(type.asText()) : Optional.empty();
    }

    static boolean isHeadless(JsonNode spec) {
        return "None".equals(spec.path("clusterIP").asText(""));
    }

    /** A ports[] entry with its path. */
    record Port(JsonNode node, String path) {
        String fieldPath(String field) {
            return JsonPath.child(path, field);
        }

        /** The nodePort when written as a non-zero number (0 asks the API server to allocate one). */
        Optional<Integer> nodePort() {
            JsonNode n = node.path("nodePort");
            return n.isIntegralNumber() && n.asInt() != 0 ? Optional.of(n.asInt()) : Optional.empty();
        }

        /** The name, or "" when absent or not a string. */
        String name() {
            JsonNode n = node.path("name");
            return n.isTextual() ? n.asText() : "";
        }
    }

    static List<Port> ports(ManifestObject o) {
        List<Port> out = new ArrayList<>();
        JsonNode ports = spec(o).path("ports");
        if (!ports.isArray()) {
            return out; // a mapping where the list belongs is a type error, reported by field-type-invalid
        }
        for (int i = 0; i < ports.size(); i++) {
            if (ports.get(i).isObject()) {
                out.add(new Port(ports.get(i), JsonPath.index("spec.ports", i)));
            }
        }
        return out;
    }
}
