package dev.palisade.rules.user;

import static dev.palisade.config.YamlNodes.at;
import static dev.palisade.config.YamlNodes.scalar;
import static dev.palisade.config.YamlNodes.stringList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.palisade.engine.RuleCatalog;
import dev.palisade.engine.RuleMeta;
import dev.palisade.model.Severity;
import dev.palisade.rules.user.UserRule.PodPart;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads the {@code customRules} section of {@code .palisade.yaml}: rules without Java, in a format
 * close to Polaris's {@code customChecks} (see docs/user-rules.md).
 *
 * <pre>
 * customRules:
 *   image-registry:
 *     severity: warning
 *     category: security
 *     summary: Images come from the company registry.
 *     message: Image must come from registry.example.com
 *     remediation: Push the image to registry.example.com and pull it from there.
 *     target: Container          # Container | PodSpec | PodTemplate | Controller | kinds
 *     containers: {exclude: [initContainer]}
 *     controllers: {include: [Deployment]}
 *     schema:
 *       properties:
 *         image: {pattern: "^registry\\.example\\.com/"}
 * </pre>
 */
public final class UserRules {
    public static final String SECTION = "customRules";
    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Set<String> KEYS = Set.of("severity", "category", "summary", "message", "remediation",
            "target", "controllers", "containers", "schema", "schemaString", "docs");
    private static final Map<String, PodPart> POD_TARGETS = Map.of("Controller", PodPart.CONTROLLER,
            "PodTemplate", PodPart.POD_TEMPLATE, "PodSpec", PodPart.POD_SPEC, "Container", PodPart.CONTAINER);
    private static final Pattern KIND = Pattern.compile("(?:[a-z0-9.-]+/)?[A-Z][A-Za-z0-9]*");

    private UserRules() {
    }

    /**
     * Reads every rule of the section, adding each problem (with its position) to {@code problems}.
     *
     * @param builtIns the rules user rules may not shadow
     * @param source   the configuration file, named as the docs link of rules without {@code docs}
     */
    public static List<RuleCatalog.Entry> read(Node section, RuleCatalog builtIns, String source, List<String> problems) {
        List<RuleCatalog.Entry> out = new ArrayList<>();
        if (!(section instanceof MappingNode map)) {
            problems.add(at(section) + "'" + SECTION + "' must be a mapping from rule id to rule");
            return out;
        }
        for (NodeTuple t : map.getValue()) {
            String id = scalar(t.getKeyNode());
            int before = problems.size();
            if (id == null || !ID.matcher(id).matches()) {
                problems.add(at(t.getKeyNode()) + "custom rule id '" + id + "' must be lower-case words joined by "
                        + "'-' (e.g. image-registry)");
            } else if (builtIns.contains(id)) {
                problems.add(at(t.getKeyNode()) + "custom rule '" + id + "' has the id of a built-in rule; choose "
                        + "another id");
            }
            RuleCatalog.Entry e = readRule(id, t.getValueNode(), source, problems);
            if (e != null && problems.size() == before) {
                out.add(e);
            }
        }
        return out;
    }

    private static RuleCatalog.Entry readRule(String id, Node node, String source, List<String> problems) {
        String name = "custom rule " + id + ": ";
        if (!(node instanceof MappingNode map)) {
            problems.add(at(node) + name + "expected a mapping with severity, message, target and schema");
            return null;
        }
        Map<String, Node> fields = new LinkedHashMap<>();
        for (NodeTuple t : map.getValue()) {
            String key = scalar(t.getKeyNode());
            if (key == null || !KEYS.contains(key)) {
                problems.add(at(t.getKeyNode()) + name + "unknown key '" + key + "'; expected one of "
                        + KEYS.stream().sorted().toList() + polarisHint(key));
            } else {
                fields.put(key, t.getValueNode());
            }
        }
        int before = problems.size();
        Severity severity = null;
        if (!fields.containsKey("severity")) {
            problems.add(at(node) + name + "severity is required (error, warning or info)");
        } else {
            severity = Severity.parse(scalar(fields.get("severity"))).orElse(null);
            if (severity == null) {
                problems.add(at(fields.get("severity")) + name + "severity must be error, warning or info");
            }
        }
        String message = text(fields, "message", node, name, true, problems);
        String summary = text(fields, "summary", node, name, false, problems);
        String remediation = text(fields, "remediation", node, name, false, problems);
        String category = text(fields, "category", node, name, false, problems);
        String docs = text(fields, "docs", node, name, false, problems);
        UserRule.Target target = target(fields, node, name, problems);
        JsonNode schema = schema(fields, node, name, problems);
        if (problems.size() > before || id == null) {
            return null;
        }
        RuleMeta meta = new RuleMeta(id, severity, category == null ? "custom" : category.toLowerCase(Locale.ROOT),
                summary == null ? message : summary,
                remediation == null ? "Change the object so that it meets the custom rule " + id + " of "
                        + (source == null ? "the configuration" : source) + "." : remediation,
                true, List.of(), docs != null ? docs : (source == null ? "" : source) + "#" + id);
        return new RuleCatalog.Entry(meta, new UserRule(message, target, UserSchemas.compile(schema)));
    }

    private static String polarisHint(String key) {
        return switch (key == null ? "" : key) {
            case "failureMessage" -> " (Polaris's failureMessage is 'message' here)";
            case "successMessage" -> " (Polaris's successMessage is 'summary' here)";
            case "jsonSchema" -> " (write the JSON text under 'schemaString')";
            case "additionalSchemas", "additionalSchemaStrings" -> " (multi-resource checks are not supported)";
            default -> "";
        };
    }

    private static String text(Map<String, Node> fields, String key, Node rule, String name, boolean required,
            List<String> problems) {
        Node v = fields.get(key);
        if (v == null) {
            if (required) {
                problems.add(at(rule) + name + key + " is required");
            }
            return null;
        }
        String s = v instanceof ScalarNode sc && sc.getTag().equals(Tag.STR) ? sc.getValue() : null;
        if (s == null || s.isBlank()) {
            problems.add(at(v) + name + key + " must be a non-empty string");
        }
        return s;
    }

    private static UserRule.Target target(Map<String, Node> fields, Node rule, String name, List<String> problems) {
        Node v = fields.get("target");
        if (v == null) {
            problems.add(at(rule) + name + "target is required: Container, PodSpec, PodTemplate, Controller or a "
                    + "list of kinds");
            return null;
        }
        List<String> values = stringList(v);
        if (values == null || values.isEmpty()) {
            problems.add(at(v) + name + "target must be a string or a list of kinds");
            return null;
        }
        PodPart part = values.size() == 1 ? POD_TARGETS.get(values.get(0)) : null;
        if (part == null) {
            for (String k : values) {
                if (POD_TARGETS.containsKey(k) || !KIND.matcher(k).matches()) {
                    problems.add(at(v) + name + "target '" + k + "' is not a kind (Deployment, apps/Deployment) "
                            + (POD_TARGETS.containsKey(k) ? "and cannot be listed with others" : "nor one of "
                            + POD_TARGETS.keySet().stream().sorted().toList()));
                }
            }
            for (String key : List.of("controllers", "containers")) {
                if (fields.containsKey(key)) {
                    problems.add(at(fields.get(key)) + name + key + " only applies to the targets "
                            + POD_TARGETS.keySet().stream().sorted().toList());
                }
            }
            return new UserRule.KindTarget(values);
        }
        Map<String, List<String>> controllers = filter(fields.get("controllers"), Set.of("include", "exclude"), name,
                problems);
        Map<String, List<String>> containers = filter(fields.get("containers"), Set.of("exclude"), name, problems);
        List<String> excluded = containers.getOrDefault("exclude", List.of());
        for (String c : excluded) {
            if (!c.equals("initContainer") && !c.equals("container")) {
                problems.add(at(fields.get("containers")) + name + "containers.exclude takes initContainer and/or "
                        + "container, not '" + c + "'");
            }
        }
        if (fields.containsKey("containers") && part != PodPart.CONTAINER) {
            problems.add(at(fields.get("containers")) + name + "containers only applies to target: Container");
        }
        return new UserRule.WorkloadTarget(part, controllers.getOrDefault("include", List.of()),
                controllers.getOrDefault("exclude", List.of()), !excluded.contains("initContainer"),
                !excluded.contains("container"));
    }

    private static Map<String, List<String>> filter(Node node, Set<String> keys, String name, List<String> problems) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (node == null) {
            return out;
        }
        if (!(node instanceof MappingNode map)) {
            problems.add(at(node) + name + "expected a mapping with " + keys.stream().sorted().toList());
            return out;
        }
        for (NodeTuple t : map.getValue()) {
            String key = scalar(t.getKeyNode());
            List<String> values = stringList(t.getValueNode());
            if (key == null || !keys.contains(key)) {
                problems.add(at(t.getKeyNode()) + name + "unknown key '" + key + "'; expected one of "
                        + keys.stream().sorted().toList());
            } else if (values == null) {
                problems.add(at(t.getValueNode()) + name + key + " must be a list of strings");
            } else {
                out.put(key, values);
            }
        }
        return out;
    }

    private static JsonNode schema(Map<String, Node> fields, Node rule, String name, List<String> problems) {
        Node yamlSchema = fields.get("schema");
        Node stringSchema = fields.get("schemaString");
        if ((yamlSchema == null) == (stringSchema == null)) {
            problems.add(at(rule) + name + "give exactly one of schema (a mapping) and schemaString (YAML or JSON text)");
            return null;
        }
        Node source = yamlSchema;
        if (stringSchema != null) {
            String text = stringSchema instanceof ScalarNode s ? s.getValue() : null;
            if (text == null) {
                problems.add(at(stringSchema) + name + "schemaString must be a string");
                return null;
            }
            if (text.contains("{{")) {
                problems.add(at(stringSchema) + name + "schemaString uses Go templates ({{ }}), which Palisade "
                        + "does not evaluate");
                return null;
            }
            try {
                LoaderOptions options = new LoaderOptions();
                options.setAllowDuplicateKeys(false);
                options.setMaxAliasesForCollections(20);
                source = new Yaml(new SafeConstructor(options)).compose(new java.io.StringReader(text));
            } catch (YAMLException | IllegalArgumentException e) { // the latter: a tag snakeyaml's Tag refuses
                problems.add(at(stringSchema) + name + "schemaString is not YAML or JSON: " + firstLine(e.getMessage()));
                return null;
            }
        }
        JsonNode schema = toJson(source);
        for (String p : UserSchemas.problems(schema)) {
            problems.add(at(yamlSchema != null ? yamlSchema : stringSchema) + name + p);
        }
        return schema;
    }

    /** A YAML node as JSON, with YAML 1.1 scalars resolved as the config loader resolves them. */
    static JsonNode toJson(Node node) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (node == null) {
            return f.nullNode();
        }
        if (node instanceof MappingNode map) {
            ObjectNode o = f.objectNode();
            for (NodeTuple t : map.getValue()) {
                o.set(String.valueOf(scalar(t.getKeyNode())), toJson(t.getValueNode()));
            }
            return o;
        }
        if (node instanceof SequenceNode seq) {
            ArrayNode a = f.arrayNode();
            seq.getValue().forEach(n -> a.add(toJson(n)));
            return a;
        }
        ScalarNode s = (ScalarNode) node;
        String v = s.getValue();
        Tag tag = s.getTag();
        try {
            if (tag.equals(Tag.NULL)) {
                return f.nullNode();
            }
            if (tag.equals(Tag.BOOL)) {
                return f.booleanNode(Set.of("true", "yes", "on").contains(v.toLowerCase(Locale.ROOT)));
            }
            if (tag.equals(Tag.INT)) {
                return f.numberNode(new BigInteger(v.replace("_", "")));
            }
            if (tag.equals(Tag.FLOAT)) {
                return f.numberNode(new java.math.BigDecimal(v.replace("_", "")));
            }
        } catch (NumberFormatException e) {
            return f.textNode(v); // 0x1F, 1_0:30 and other YAML 1.1 forms: kept as written
        }
        return f.textNode(v);
    }

    private static String firstLine(String s) {
        int cut = s == null ? -1 : s.indexOf('\n');
        return cut > 0 ? s.substring(0, cut) : String.valueOf(s);
    }
}
