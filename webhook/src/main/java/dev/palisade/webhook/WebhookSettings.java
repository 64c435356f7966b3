package dev.palisade.webhook;

import dev.palisade.config.ConfigException;
import dev.palisade.model.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The {@code webhook:} section of {@code .palisade.yaml}; the rest of the file is the CLI's.
 *
 * <pre>
 * webhook:
 *   mode: enforce                 # enforce | warn | audit
 *   namespaceModeLabel: palisade.dev/mode   # a namespace label overriding mode (plus "off")
 *   denyThreshold: error          # findings at or above it deny in enforce mode
 *   exemptNamespaces: [kube-system]
 *   exemptUsers: [system:serviceaccount:argocd:argocd-application-controller]
 *   exemptGroups: []
 * </pre>
 */
public record WebhookSettings(Mode mode, String namespaceModeLabel, Severity denyThreshold,
        Set<String> exemptNamespaces, Set<String> exemptUsers, Set<String> exemptGroups) {

    public static final String SECTION = "webhook";
    public static final String DEFAULT_MODE_LABEL = "palisade.dev/mode";
    private static final Set<String> KEYS = Set.of("mode", "namespaceModeLabel", "denyThreshold",
            "exemptNamespaces", "exemptUsers", "exemptGroups");

    /** What the webhook does with findings. */
    public enum Mode {
        /** Deny at or above the threshold, warn the rest. */
        ENFORCE,
        /** Never deny; every finding becomes a warning. */
        WARN,
        /** Allow silently; findings only reach logs and metrics. */
        AUDIT,
        /** Not judged at all (namespace label only). */
        OFF;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Mode parse(String text) {
            for (Mode m : values()) {
                if (m.label().equals(text)) {
                    return m;
                }
            }
            return null;
        }
    }

    public static final WebhookSettings DEFAULT = new WebhookSettings(Mode.ENFORCE, DEFAULT_MODE_LABEL,
            Severity.ERROR, Set.of("kube-system"), Set.of(), Set.of());

    /** Mode named by a namespace label value, or null when the value is not a mode. */
    public static Mode modeFromLabel(String value) {
        return value == null ? null : Mode.parse(value.trim().toLowerCase(Locale.ROOT));
    }

    /** Reads the section as the config loader kept it (plain maps and lists); every problem at once. */
    public static WebhookSettings from(String source, Object section) throws ConfigException {
        if (section == null) {
            return DEFAULT;
        }
        if (!(section instanceof Map<?, ?> map)) {
            throw new ConfigException(source, List.of("'webhook' must be a mapping"));
        }
        List<String> problems = new ArrayList<>();
        for (Object key : map.keySet()) {
            if (!KEYS.contains(String.valueOf(key))) {
                problems.add("webhook: unknown key '" + key + "'; expected one of " + KEYS.stream().sorted().toList());
            }
        }
        Mode mode = DEFAULT.mode;
        Object m = map.get("mode");
        if (m != null) {
            mode = Mode.parse(String.valueOf(m));
            if (mode == null || mode == Mode.OFF) {
                problems.add("webhook.mode must be enforce, warn or audit, not '" + m + "'");
            }
        }
        String label = map.containsKey("namespaceModeLabel") ? stringOrNull(map.get("namespaceModeLabel")) : DEFAULT_MODE_LABEL;
        Severity threshold = DEFAULT.denyThreshold;
        Object t = map.get("denyThreshold");
        if (t != null) {
            threshold = Severity.parse(String.valueOf(t)).orElse(null);
            if (threshold == null) {
                problems.add("webhook.denyThreshold must be error, warning or info, not '" + t + "'");
            }
        }
        Set<String> namespaces = strings(map, "exemptNamespaces", problems);
        Set<String> users = strings(map, "exemptUsers", problems);
        Set<String> groups = strings(map, "exemptGroups", problems);
        if (!problems.isEmpty()) {
            throw new ConfigException(source, problems);
        }
        return new WebhookSettings(mode, label, threshold, namespaces, users, groups);
    }

    private static String stringOrNull(Object o) {
        return o == null || String.valueOf(o).isBlank() ? null : String.valueOf(o);
    }

    private static Set<String> strings(Map<?, ?> map, String key, List<String> problems) {
        Object v = map.get(key);
        if (v == null) {
            return key.equals("exemptNamespaces") ? DEFAULT.exemptNamespaces : Set.of();
        }
        if (!(v instanceof List<?> list) || list.stream().anyMatch(i -> !(i instanceof String))) {
            problems.add("webhook." + key + " must be a list of strings");
            return Set.of();
        }
        return Set.copyOf(list.stream().map(String.class::cast).toList());
    }

    public boolean exemptUser(String user, List<String> groups) {
        return (user != null && exemptUsers.contains(user)) || groups.stream().anyMatch(exemptGroups::contains);
    }
}
