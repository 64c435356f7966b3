package dev.palisade.rules.pss;

import com.fasterxml.jackson.databind.JsonNode;
import dev.palisade.engine.ObjectContext;
import dev.palisade.engine.RuleParams;
import dev.palisade.model.JsonPath;
import dev.palisade.model.ManifestObject;
import dev.palisade.model.PodTemplateView;
import dev.palisade.model.Severity;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * A pod template as the Pod Security controls read it: the raw tree (so that undefined, null and
 * false stay distinct, and ephemeral containers look like the others), paths to report at, and a
 * report bound to the severity the profile chose.
 */
public final class PssPod {
    private static final List<String> CONTAINER_LISTS = List.of("initContainers", "containers", "ephemeralContainers");
    private static final String SHAPE_MEMO = PssPod.class.getName() + ".shape";

    private final ObjectContext ctx;
    private final Shape shape;
    private final Severity severity;

    /**
     * What every control reads of one object: the template node, the spec's path and the containers
     * with their paths, found once per object (about twenty controls ask) and kept with it.
     */
    private record Shape(JsonNode template, String templatePath, String specPath, List<Container> containers) {
        static Shape of(ManifestObject o, PodTemplateView view) {
            JsonNode template = at(o.tree(), view.path());
            String specPath = JsonPath.child(view.path(), "spec");
            List<Container> containers = new ArrayList<>();
            for (String list : CONTAINER_LISTS) {
                JsonNode items = template.path("spec").path(list);
                if (!items.isArray()) {
                    continue;
                }
                String listPath = JsonPath.child(specPath, list);
                for (int i = 0; i < items.size(); i++) {
                    if (items.get(i).isObject()) {
                        containers.add(new Container(items.get(i), JsonPath.index(listPath, i)));
                    }
                }
            }
            return new Shape(template, view.path(), specPath, List.copyOf(containers));
        }
    }

    PssPod(ObjectContext ctx, PodTemplateView view, Severity severity) {
        this.ctx = ctx;
        this.shape = ctx.object().memo(SHAPE_MEMO, () -> Shape.of(ctx.object(), view));
        this.severity = severity;
    }

    /** A container of any of the three lists, with the JSON path of its node. */
    public record Container(JsonNode node, String path) {
        public String name() {
            JsonNode n = node.path("name");
            return n.isTextual() ? n.asText() : "#" + path.substring(path.lastIndexOf('[') + 1, path.length() - 1);
        }

        /** "container 'web'", "init container 'setup'", "ephemeral container 'debug'". */
        public String describe() {
            String kind = path.contains(".initContainers[") || path.startsWith("initContainers[") ? "init container "
                    : path.contains("ephemeralContainers[") ? "ephemeral container " : "container ";
            return kind + "'" + name() + "'";
        }

        public JsonNode securityContext() {
            return node.path("securityContext");
        }

        public String securityContextPath() {
            return JsonPath.child(path, "securityContext");
        }

        /** {@code securityContext.<keys>} of this container: the node and its path. */
        public JsonNode sc(String... keys) {
            JsonNode n = securityContext();
            for (String k : keys) {
                n = n.path(k);
            }
            return n;
        }

        public String scPath(String... keys) {
            String p = securityContextPath();
            for (String k : keys) {
                p = JsonPath.child(p, k);
            }
            return p;
        }

        /** Where to report a required field that is absent: its securityContext if written, else the container. */
        public String missingAt() {
            return securityContext().isObject() ? securityContextPath() : path;
        }
    }

    public JsonNode spec() {
        return shape.template().path("spec");
    }

    /** The JSON path of a field of the pod spec: {@code specPath("hostNetwork")}. */
    public String specPath(String... keys) {
        String p = shape.specPath();
        for (String k : keys) {
            p = JsonPath.child(p, k);
        }
        return p;
    }

    /** {@code spec.securityContext.<keys>}: the node (missing when absent). */
    public JsonNode podSc(String... keys) {
        JsonNode n = spec().path("securityContext");
        for (String k : keys) {
            n = n.path(k);
        }
        return n;
    }

    public String podScPath(String... keys) {
        String p = specPath("securityContext");
        for (String k : keys) {
            p = JsonPath.child(p, k);
        }
        return p;
    }

    /** Init containers, containers, then ephemeral containers. */
    public List<Container> containers() {
        return shape.containers();
    }

    /** The pod template's annotations whose key starts with {@code prefix}: key to value node. */
    public List<Map.Entry<String, JsonNode>> annotations(String prefix) {
        List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
        JsonNode annotations = shape.template().path("metadata").path("annotations");
        Iterator<Map.Entry<String, JsonNode>> it = annotations.isObject() ? annotations.fields()
                : java.util.Collections.emptyIterator();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().startsWith(prefix)) {
                out.add(e);
            }
        }
        return out;
    }

    public String annotationPath(String key) {
        return JsonPath.child(JsonPath.child(JsonPath.child(shape.templatePath(), "metadata"), "annotations"), key);
    }

    /** Whether the pod declares {@code spec.os.name: windows}. */
    public boolean windows() {
        return "windows".equals(spec().path("os").path("name").asText(null));
    }

    /** The minor version of {@code --kubernetes-version} (1.NN), when one is configured. */
    public OptionalInt kubernetesMinor() {
        String v = ctx.config().schema().kubernetesVersion();
        if (v != null && v.matches("v?1\\.\\d+(\\..*)?")) {
            return OptionalInt.of(Integer.parseInt(v.replaceFirst("^v?1\\.", "").replaceFirst("\\..*", "")));
        }
        return OptionalInt.empty();
    }

    public RuleParams params() {
        return ctx.params();
    }

    public void report(String path, String message) {
        ctx.report(path, message, severity);
    }

    /** True for a boolean true (a string "true" is a type error other rules report). */
    public static boolean isTrue(JsonNode n) {
        return n.isBoolean() && n.booleanValue();
    }

    /** Whether the field is written with a non-null value. */
    public static boolean isSet(JsonNode n) {
        return !n.isMissingNode() && !n.isNull();
    }

    /** The scalar text of a field, or null when absent, null or not a scalar. */
    public static String text(JsonNode n) {
        return n.isValueNode() && !n.isNull() ? n.asText() : null;
    }

    private static JsonNode at(JsonNode root, String dotted) {
        JsonNode n = root;
        if (!dotted.isEmpty()) {
            for (String k : dotted.split("\\.")) {
                n = n.path(k);
            }
        }
        return n;
    }
}
