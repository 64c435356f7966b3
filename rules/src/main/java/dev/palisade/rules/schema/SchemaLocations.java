package dev.palisade.rules.schema;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Expands kubeconform's schema location templates, so a checkout of yannh/kubernetes-json-schema or
 * of a CRDs catalog can be used as is. A location that does not end in "json" gets kubeconform's
 * default layout appended.
 */
public final class SchemaLocations {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*\\.(\\w+)\\s*}}");
    private static final String DEFAULT_LAYOUT =
            "/{{ .NormalizedKubernetesVersion }}-standalone{{ .StrictSuffix }}/{{ .ResourceKind }}{{ .KindSuffix }}.json";

    private SchemaLocations() {
    }

    public static boolean isRemote(String location) {
        String l = location.toLowerCase(Locale.ROOT);
        return l.startsWith("http://") || l.startsWith("https://");
    }

    /**
     * The path or URL of the schema of {@code apiVersion}/{@code kind} under {@code template}.
     *
     * @throws IllegalArgumentException for a placeholder kubeconform does not define
     */
    public static String expand(String template, String apiVersion, String kind, String kubernetesVersion, boolean strict) {
        String tpl = template.endsWith("json") ? template : stripSlash(template) + DEFAULT_LAYOUT;
        String[] groupParts = apiVersion.split("/");
        String group = groupParts[0];
        String version = groupParts[groupParts.length - 1];
        String kindSuffix = "-" + group.split("\\.")[0].toLowerCase(Locale.ROOT)
                + (groupParts.length > 1 ? "-" + version.toLowerCase(Locale.ROOT) : "");
        Map<String, String> values = Map.of(
                "NormalizedKubernetesVersion", "v" + kubernetesVersion + ".0",
                "StrictSuffix", strict ? "-strict" : "",
                "ResourceKind", kind.toLowerCase(Locale.ROOT),
                "ResourceAPIVersion", version,
                "Group", group,
                "KindSuffix", kindSuffix);
        Matcher m = PLACEHOLDER.matcher(tpl);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException("schema location " + template + ": unknown placeholder {{ ."
                        + m.group(1) + " }} (known: " + String.join(", ", values.keySet()) + ")");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
