package dev.palisade.webhook;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.palisade.model.TypedModels;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The parts of an AdmissionReview request the webhook uses (admission.k8s.io/v1 and v1beta1 share
 * this shape). Decoded once from the body bytes straight into a tree: the object is never mapped
 * through an intermediate model.
 *
 * @param apiVersion  the review's apiVersion, echoed in the answer
 * @param kind        request.kind.kind: the kind of the object as the API server sees it
 * @param subResource e.g. "status" or "scale"; empty for the resource itself
 */
public record AdmissionRequest(String apiVersion, String uid, String kind, String operation, String namespace,
        String name, String subResource, String user, List<String> groups, boolean dryRun, ObjectNode object,
        ObjectNode oldObject) {

    public static final Set<String> API_VERSIONS = Set.of("admission.k8s.io/v1", "admission.k8s.io/v1beta1");
    private static final Set<String> OPERATIONS = Set.of("CREATE", "UPDATE", "DELETE", "CONNECT");

    /** A request the webhook cannot answer as a review; {@link #getMessage()} says why (HTTP 400). */
    public static final class Malformed extends Exception {
        public Malformed(String reason) {
            super(reason, null, false, false);
        }
    }

    public static AdmissionRequest decode(byte[] body) throws Malformed {
        JsonNode root;
        try {
            root = TypedModels.MAPPER.readTree(body);
        } catch (JacksonException e) {
            throw new Malformed("body is not valid JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr()));
        } catch (IOException | RuntimeException e) {
            throw new Malformed("body is not valid JSON: " + e.getClass().getSimpleName());
        }
        if (root == null || !root.isObject()) {
            throw new Malformed("body must be a JSON object (an AdmissionReview)");
        }
        String apiVersion = text(root, "apiVersion");
        // Set.of(...).contains(null) throws: absent fields are checked first (found by fuzzing)
        if (apiVersion == null || !API_VERSIONS.contains(apiVersion)) {
            throw new Malformed("apiVersion must be admission.k8s.io/v1 or admission.k8s.io/v1beta1, not "
                    + quoted(apiVersion));
        }
        if (!"AdmissionReview".equals(text(root, "kind"))) {
            throw new Malformed("kind must be AdmissionReview, not " + quoted(text(root, "kind")));
        }
        JsonNode req = root.get("request");
        if (req == null || !req.isObject()) {
            throw new Malformed("request is missing or not an object");
        }
        String uid = text(req, "uid");
        if (uid == null || uid.isEmpty()) {
            throw new Malformed("request.uid is missing");
        }
        String operation = text(req, "operation");
        if (operation == null || !OPERATIONS.contains(operation)) {
            throw new Malformed("request.operation must be CREATE, UPDATE, DELETE or CONNECT, not " + quoted(operation));
        }
        ObjectNode object = objectOrNull(req, "object");
        ObjectNode oldObject = objectOrNull(req, "oldObject");
        if (object == null && (operation.equals("CREATE") || operation.equals("UPDATE"))) {
            throw new Malformed("request.object is required for " + operation);
        }
        JsonNode userInfo = req.path("userInfo");
        List<String> groups = new ArrayList<>();
        userInfo.path("groups").forEach(g -> {
            if (g.isTextual()) {
                groups.add(g.asText());
            }
        });
        return new AdmissionRequest(apiVersion, uid, text(req.path("kind"), "kind"), operation,
                emptyToNull(text(req, "namespace")), text(req, "name"), nullToEmpty(text(req, "subResource")),
                text(userInfo, "username"), List.copyOf(groups), req.path("dryRun").asBoolean(false), object, oldObject);
    }

    private static ObjectNode objectOrNull(JsonNode req, String field) throws Malformed {
        JsonNode n = req.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isObject()) {
            throw new Malformed("request." + field + " must be an object");
        }
        return (ObjectNode) n;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.isTextual() ? v.asText() : null;
    }

    private static String quoted(String s) {
        return s == null ? "nothing" : "'" + (s.length() > 64 ? s.substring(0, 64) + "..." : s) + "'";
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
