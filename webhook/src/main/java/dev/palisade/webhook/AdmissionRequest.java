package dev.palisade.webhook;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.palisade.model.TypedModels;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The parts of an AdmissionReview request the webhook uses (admission.k8s.io/v1 and v1beta1 share
 * this shape). Decoded once from the body bytes: the envelope's fields the webhook reads and the
 * objects go straight into trees, the rest (resource, requestKind, options...) is skipped by the
 * parser without building nodes, and the object is never mapped through an intermediate model.
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
    /** The fields read from the review and from its request; no other field is built into a tree. */
    private static final Set<String> REVIEW_FIELDS = Set.of("apiVersion", "kind", "request");
    private static final Set<String> REQUEST_FIELDS = Set.of("uid", "kind", "operation", "namespace", "name",
            "subResource", "userInfo", "dryRun", "object", "oldObject");

    /** A request the webhook cannot answer as a review; {@link #getMessage()} says why (HTTP 400). */
    public static final class Malformed extends Exception {
        public Malformed(String reason) {
            super(reason, null, false, false);
        }
    }

    public static AdmissionRequest decode(byte[] body) throws Malformed {
        JsonNode root;
        try {
            root = review(body);
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

    /**
     * The review with only {@link #REVIEW_FIELDS} and, in {@code request}, {@link #REQUEST_FIELDS}: the
     * tree the checks below read, as a whole-body tree would give it (a repeated field: the last wins).
     */
    private static JsonNode review(byte[] body) throws IOException {
        try (JsonParser p = TypedModels.MAPPER.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return TypedModels.MAPPER.readTree(body); // not an object: read whole for the same error
            }
            return selected(p, REVIEW_FIELDS, "request", REQUEST_FIELDS);
        }
    }

    /**
     * Reads the object at the parser into a tree of its fields in {@code keep}, and of the object
     * {@code nested} (when it is one) only the fields in {@code nestedKeep}.
     */
    private static ObjectNode selected(JsonParser p, Set<String> keep, String nested, Set<String> nestedKeep)
            throws IOException {
        ObjectNode out = TypedModels.MAPPER.getNodeFactory().objectNode();
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            JsonToken value = p.nextToken();
            if (name.equals(nested) && value == JsonToken.START_OBJECT) {
                out.set(name, selected(p, nestedKeep, null, Set.of()));
            } else if (keep.contains(name)) {
                out.set(name, value(p, value));
            } else {
                p.skipChildren();
            }
        }
        return out;
    }

    /** Strings, booleans and null directly; anything else through the tree reader (a context per call). */
    private static JsonNode value(JsonParser p, JsonToken token) throws IOException {
        return switch (token) {
            case VALUE_STRING -> TextNode.valueOf(p.getText());
            case VALUE_TRUE -> BooleanNode.TRUE;
            case VALUE_FALSE -> BooleanNode.FALSE;
            case VALUE_NULL -> NullNode.getInstance();
            default -> TypedModels.MAPPER.readTree(p);
        };
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
