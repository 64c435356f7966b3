package dev.palisade.config;

import static dev.palisade.config.YamlNodes.at;
import static dev.palisade.config.YamlNodes.position;
import static dev.palisade.config.YamlNodes.scalar;
import static dev.palisade.config.YamlNodes.stringList;

import dev.palisade.engine.RuleCatalog;
import dev.palisade.engine.RuleInfo;
import dev.palisade.engine.RuleMeta;
import dev.palisade.model.PodSecurityLevel;
import dev.palisade.model.Position;
import dev.palisade.model.Severity;
import dev.palisade.rules.user.UserRules;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads {@code .palisade.yaml} strictly: unknown keys, unknown rule ids and values of the wrong type
 * are all collected and reported together, each with its line.
 *
 * <pre>
 * namespace: default            # namespace of objects that name none
 * rules:
 *   bare-pod: off               # shorthand for enabled: false
 *   resources-cpu-limit: warning  # shorthand: enable with this severity
 *   service-nodeport-range:
 *     enabled: true
 *     severity: error
 *     params: {min: 30000, max: 32767}
 * exemptions:
 *   - rules: [bare-pod]         # optional: all rules when absent
 *     kinds: [Pod]              # globs; every given list must match
 *     namespaces: ["debug-*"]
 *     names: ["*"]
 *     paths: ["legacy/**"]
 *     reason: debugging pods are created by hand on purpose
 * pss:                          # Pod Security levels for namespaces without pod-security labels
 *   enforce: baseline           # its controls are errors (privileged, baseline or restricted)
 *   warn: restricted            # controls of a higher warn or audit level are warnings
 *   audit: privileged
 * customRules:                  # rules without Java, see docs/user-rules.md
 *   image-registry:
 *     severity: warning
 *     message: Image must come from registry.example.com
 *     target: Container
 *     schema: {properties: {image: {pattern: "^registry\\.example\\.com/"}}}
 * </pre>
 */
public final class ConfigLoader {
    public static final String FILE_NAME = ".palisade.yaml";
    private static final Set<String> TOP_KEYS = Set.of("rules", "exemptions", "namespace", "pss", "schema", UserRules.SECTION);
    private static final Set<String> PSS_KEYS = Set.of("enforce", "warn", "audit");
    private static final Set<String> SCHEMA_KEYS = Set.of("kubernetesVersion", "crds", "schemaLocations", "allowNetwork",
            "strictKinds");
    private static final Set<String> RULE_KEYS = Set.of("enabled", "severity", "params");
    private static final Set<String> EXEMPTION_KEYS = Set.of("rules", "kinds", "namespaces", "names", "paths", "reason");

    private final RuleCatalog catalog;
    private final Set<String> extensionSections;

    /**
     * @param extensionSections top-level sections another program owns (the webhook's), kept raw
     */
    public ConfigLoader(RuleCatalog catalog, Set<String> extensionSections) {
        this.catalog = catalog;
        this.extensionSections = extensionSections;
    }

    public PalisadeConfig load(Path file) throws ConfigException {
        try {
            return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ConfigException(file.toString(), List.of("cannot read: " + e.getMessage()));
        }
    }

    public PalisadeConfig parse(String source, String text) throws ConfigException {
        List<String> problems = new ArrayList<>();
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            options.setMaxAliasesForCollections(20);
            root = new Yaml(new SafeConstructor(options)).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            throw new ConfigException(source, List.of(at(new Position(e.getProblemMark().getLine() + 1,
                    e.getProblemMark().getColumn() + 1)) + String.valueOf(e.getProblem())));
        } catch (YAMLException e) {
            throw new ConfigException(source, List.of(String.valueOf(e.getMessage())));
        } catch (IllegalArgumentException e) {
            // snakeyaml's Tag refuses a name whose %-escapes decode to white space at either end
            throw new ConfigException(source, List.of("a tag (!...) decodes to white space at the start or end of "
                    + "its name; the configuration needs no tags"));
        }
        if (root == null) {
            return PalisadeConfig.DEFAULT.withSource(source);
        }
        if (!(root instanceof MappingNode top)) {
            throw new ConfigException(source, List.of(at(root) + "the configuration must be a mapping"));
        }
        // User rules first: the rules and exemptions sections may name them.
        List<RuleCatalog.Entry> userRules = new ArrayList<>();
        for (NodeTuple t : top.getValue()) {
            if (UserRules.SECTION.equals(scalar(t.getKeyNode()))) {
                userRules.addAll(UserRules.read(t.getValueNode(), catalog, source, problems));
            }
        }
        RuleCatalog known = catalog.plus(userRules);
        Map<String, RuleConfig> rules = new LinkedHashMap<>();
        List<Exemption> exemptions = new ArrayList<>();
        Map<String, Object> extensions = new LinkedHashMap<>();
        String namespace = null;
        PalisadeConfig.PodSecurityDefaults pss = PalisadeConfig.PodSecurityDefaults.DEFAULT;
        PalisadeConfig.SchemaOptions schema = PalisadeConfig.SchemaOptions.DEFAULT;
        for (NodeTuple t : top.getValue()) {
            String key = scalar(t.getKeyNode());
            Node value = t.getValueNode();
            if (extensionSections.contains(key)) {
                extensions.put(key, constructed(text).get(key));
                continue;
            }
            switch (key == null ? "" : key) {
                case "rules" -> readRules(known, value, rules, problems);
                case "exemptions" -> readExemptions(known, value, exemptions, problems);
                case UserRules.SECTION -> {
                }
                case "pss" -> pss = readPodSecurity(value, problems);
                case "schema" -> schema = readSchema(source, value, problems);
                case "namespace" -> {
                    namespace = scalar(value);
                    if (namespace == null || !namespace.matches("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?")) {
                        problems.add(at(value) + "namespace must be a valid namespace name");
                    }
                }
                default -> problems.add(at(t.getKeyNode()) + "unknown key '" + key + "'; expected one of "
                        + sorted(union(TOP_KEYS, extensionSections)));
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(source, problems);
        }
        return new PalisadeConfig(source, Map.copyOf(rules), List.copyOf(exemptions), namespace, Map.copyOf(extensions),
                schema, pss, List.copyOf(userRules));
    }

    /**
     * The {@code schema:} section: the file's defaults for --kubernetes-version, --crd,
     * --schema-location, --allow-network and --strict-kinds. Relative local paths are taken from the
     * folder of the configuration file, so a repository's config works from any working directory.
     */
    private static PalisadeConfig.SchemaOptions readSchema(String source, Node node, List<String> problems) {
        PalisadeConfig.SchemaOptions d = PalisadeConfig.SchemaOptions.DEFAULT;
        if (!(node instanceof MappingNode map)) {
            problems.add(at(node) + "schema must be a mapping with keys " + sorted(SCHEMA_KEYS));
            return d;
        }
        Path base = source == null ? null : Path.of(source).toAbsolutePath().getParent();
        String version = d.kubernetesVersion();
        List<String> crds = d.crdPaths();
        List<String> locations = d.schemaLocations();
        boolean allowNetwork = d.allowNetwork();
        boolean strictKinds = d.strictKinds();
        for (NodeTuple t : map.getValue()) {
            String key = scalar(t.getKeyNode());
            Node v = t.getValueNode();
            switch (key == null ? "" : key) {
                case "kubernetesVersion" -> {
                    version = scalar(v);
                    if (version == null || !version.matches("v?1\\.\\d+(\\.\\d+)?")) {
                        problems.add(at(v) + "schema.kubernetesVersion must be a version such as 1.34");
                    }
                }
                case "crds", "schemaLocations" -> {
                    List<String> values = stringList(v);
                    if (values == null) {
                        problems.add(at(v) + "schema." + key + " must be a list of paths");
                        continue;
                    }
                    List<String> resolved = values.stream().map(p -> relativeTo(base, p)).toList();
                    if (key.equals("crds")) {
                        crds = resolved;
                    } else {
                        locations = resolved;
                    }
                }
                case "allowNetwork", "strictKinds" -> {
                    if (!(v instanceof ScalarNode sv && sv.getTag().equals(Tag.BOOL))) {
                        problems.add(at(v) + "schema." + key + " must be true or false");
                        continue;
                    }
                    boolean b = Set.of("true", "yes", "on").contains(sv.getValue().toLowerCase());
                    if (key.equals("allowNetwork")) {
                        allowNetwork = b;
                    } else {
                        strictKinds = b;
                    }
                }
                default -> problems.add(at(t.getKeyNode()) + "schema: unknown key '" + key + "'; expected one of "
                        + sorted(SCHEMA_KEYS));
            }
        }
        return new PalisadeConfig.SchemaOptions(version, crds, locations, allowNetwork, strictKinds);
    }

    /** A local path relative to the config file's folder; URLs and absolute paths as written. */
    private static String relativeTo(Path base, String path) {
        if (base == null || path.matches("(?i)https?://.*") || Path.of(path.replace("{{", "").replace("}}", "")).isAbsolute()) {
            return path;
        }
        return base.resolve(path).toString();
    }

    /** The whole file as plain maps and lists, for sections handed on unvalidated. */
    private static Map<?, ?> constructed(String text) {
        Object all = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        return all instanceof Map<?, ?> m ? m : Map.of();
    }

    private static void readRules(RuleCatalog catalog, Node node, Map<String, RuleConfig> out, List<String> problems) {
        if (!(node instanceof MappingNode map)) {
            problems.add(at(node) + "'rules' must be a mapping from rule id to settings");
            return;
        }
        for (NodeTuple t : map.getValue()) {
            String id = scalar(t.getKeyNode());
            RuleMeta meta = catalog.get(id).map(RuleCatalog.Entry::meta).orElse(null);
            if (meta == null) {
                problems.add(at(t.getKeyNode()) + "unknown rule '" + id + "' (see 'palisade rules')");
                continue;
            }
            out.put(id, readRule(meta, t.getValueNode(), problems));
        }
    }

    private static RuleConfig readRule(RuleMeta meta, Node node, List<String> problems) {
        if (node instanceof ScalarNode s) {
            String v = s.getValue();
            if (s.getTag().equals(Tag.BOOL)) {
                boolean on = Set.of("true", "yes", "on").contains(v.toLowerCase());
                return new RuleConfig(on, null, Map.of());
            }
            Severity sev = Severity.parse(v).orElse(null);
            if (sev != null) {
                return new RuleConfig(true, sev, Map.of());
            }
            problems.add(at(node) + "rule " + meta.id() + ": expected on, off, error, warning, info or a mapping");
            return RuleConfig.DEFAULT;
        }
        if (!(node instanceof MappingNode map)) {
            problems.add(at(node) + "rule " + meta.id() + ": expected a mapping with enabled, severity, params");
            return RuleConfig.DEFAULT;
        }
        Boolean enabled = null;
        Severity severity = null;
        Map<String, Object> params = new LinkedHashMap<>();
        for (NodeTuple t : map.getValue()) {
            String key = scalar(t.getKeyNode());
            Node v = t.getValueNode();
            switch (key == null ? "" : key) {
                case "enabled" -> {
                    if (v instanceof ScalarNode s && s.getTag().equals(Tag.BOOL)) {
                        enabled = Set.of("true", "yes", "on").contains(s.getValue().toLowerCase());
                    } else {
                        problems.add(at(v) + "rule " + meta.id() + ": enabled must be true or false");
                    }
                }
                case "severity" -> {
                    severity = Severity.parse(scalar(v)).orElse(null);
                    if (severity == null) {
                        problems.add(at(v) + "rule " + meta.id() + ": severity must be error, warning or info");
                    }
                }
                case "params" -> readParams(meta, v, params, problems);
                default -> problems.add(at(t.getKeyNode()) + "rule " + meta.id() + ": unknown key '" + key
                        + "'; expected one of " + sorted(RULE_KEYS));
            }
        }
        return new RuleConfig(enabled, severity, Map.copyOf(params));
    }

    private static void readParams(RuleMeta meta, Node node, Map<String, Object> out, List<String> problems) {
        if (!(node instanceof MappingNode map)) {
            problems.add(at(node) + "rule " + meta.id() + ": params must be a mapping");
            return;
        }
        for (NodeTuple t : map.getValue()) {
            String name = scalar(t.getKeyNode());
            RuleMeta.ParamMeta p = meta.param(name);
            if (p == null) {
                problems.add(at(t.getKeyNode()) + "rule " + meta.id() + ": unknown parameter '" + name + "'"
                        + (meta.params().isEmpty() ? " (it takes none)" : "; expected one of "
                        + meta.params().stream().map(RuleMeta.ParamMeta::name).sorted().toList()));
                continue;
            }
            Object value = paramValue(p.type(), t.getValueNode());
            if (value == null) {
                problems.add(at(t.getValueNode()) + "rule " + meta.id() + ": parameter " + name + " must be "
                        + describe(p.type()));
            } else {
                out.put(name, value);
            }
        }
    }

    private static Object paramValue(RuleInfo.ParamType type, Node node) {
        switch (type) {
            case INT -> {
                if (node instanceof ScalarNode s && s.getTag().equals(Tag.INT)) {
                    try {
                        return Long.parseLong(s.getValue().replace("_", ""));
                    } catch (NumberFormatException e) {
                        return null;
                    }
                }
                return null;
            }
            case BOOL -> {
                return node instanceof ScalarNode s && s.getTag().equals(Tag.BOOL)
                        ? Set.of("true", "yes", "on").contains(s.getValue().toLowerCase()) : null;
            }
            case STRING -> {
                return node instanceof ScalarNode s && !s.getTag().equals(Tag.NULL) ? s.getValue() : null;
            }
            case STRING_LIST -> {
                if (!(node instanceof SequenceNode seq)) {
                    return null;
                }
                List<String> items = new ArrayList<>();
                for (Node item : seq.getValue()) {
                    if (!(item instanceof ScalarNode s)) {
                        return null;
                    }
                    items.add(s.getValue());
                }
                return List.copyOf(items);
            }
            default -> {
                return null;
            }
        }
    }

    private static String describe(RuleInfo.ParamType type) {
        return switch (type) {
            case INT -> "an integer";
            case BOOL -> "true or false";
            case STRING -> "a string";
            case STRING_LIST -> "a list of strings";
        };
    }

    private static PalisadeConfig.PodSecurityDefaults readPodSecurity(Node node, List<String> problems) {
        PalisadeConfig.PodSecurityDefaults d = PalisadeConfig.PodSecurityDefaults.DEFAULT;
        if (!(node instanceof MappingNode map)) {
            problems.add(at(node) + "'pss' must be a mapping with enforce, warn, audit");
            return d;
        }
        Map<String, PodSecurityLevel> levels = new LinkedHashMap<>();
        for (NodeTuple t : map.getValue()) {
            String key = scalar(t.getKeyNode());
            if (key == null || !PSS_KEYS.contains(key)) {
                problems.add(at(t.getKeyNode()) + "pss: unknown key '" + key + "'; expected one of " + sorted(PSS_KEYS));
                continue;
            }
            PodSecurityLevel level = PodSecurityLevel.parse(scalar(t.getValueNode())).orElse(null);
            if (level == null) {
                problems.add(at(t.getValueNode()) + "pss: " + key + " must be privileged, baseline or restricted");
            } else {
                levels.put(key, level);
            }
        }
        return new PalisadeConfig.PodSecurityDefaults(levels.getOrDefault("enforce", d.enforce()),
                levels.getOrDefault("warn", d.warn()), levels.getOrDefault("audit", d.audit()));
    }

    private static void readExemptions(RuleCatalog catalog, Node node, List<Exemption> out, List<String> problems) {
        if (!(node instanceof SequenceNode seq)) {
            problems.add(at(node) + "'exemptions' must be a list");
            return;
        }
        for (Node item : seq.getValue()) {
            if (!(item instanceof MappingNode map)) {
                problems.add(at(item) + "an exemption must be a mapping");
                continue;
            }
            Map<String, List<String>> lists = new LinkedHashMap<>();
            String reason = null;
            for (NodeTuple t : map.getValue()) {
                String key = scalar(t.getKeyNode());
                if ("reason".equals(key)) {
                    reason = scalar(t.getValueNode());
                } else if (key != null && EXEMPTION_KEYS.contains(key)) {
                    List<String> values = stringList(t.getValueNode());
                    if (values == null) {
                        problems.add(at(t.getValueNode()) + "exemption " + key + " must be a list of strings");
                    } else {
                        lists.put(key, values);
                    }
                } else {
                    problems.add(at(t.getKeyNode()) + "exemption: unknown key '" + key + "'; expected one of "
                            + sorted(EXEMPTION_KEYS));
                }
            }
            if (reason == null || reason.isBlank()) {
                problems.add(at(item) + "exemption needs a 'reason' saying why it is safe");
            }
            for (String id : lists.getOrDefault("rules", List.of())) {
                if (!catalog.contains(id)) {
                    problems.add(at(item) + "exemption names unknown rule '" + id + "'");
                }
            }
            out.add(new Exemption(lists.getOrDefault("rules", List.of()), lists.getOrDefault("kinds", List.of()),
                    lists.getOrDefault("namespaces", List.of()), lists.getOrDefault("names", List.of()),
                    lists.getOrDefault("paths", List.of()), reason, position(item)));
        }
    }


    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> u = new java.util.HashSet<>(a);
        u.addAll(b);
        return u;
    }

    private static List<String> sorted(Set<String> s) {
        return s.stream().sorted().toList();
    }
}
