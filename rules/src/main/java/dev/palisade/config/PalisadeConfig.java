package dev.palisade.config;

import java.util.List;
import java.util.Map;

/**
 * The contents of {@code .palisade.yaml}: immutable, built once, shared by CLI and webhook.
 *
 * @param source     where it was read from (null for the built-in defaults)
 * @param rules      per-rule settings by id
 * @param exemptions exemptions in file order
 * @param namespace  the namespace of objects that name none (null: "default")
 * @param extensions sections owned by an embedding program (e.g. {@code webhook}), unvalidated here
 */
public record PalisadeConfig(String source, Map<String, RuleConfig> rules, List<Exemption> exemptions,
        String namespace, Map<String, Object> extensions) {

    public static final PalisadeConfig DEFAULT = new PalisadeConfig(null, Map.of(), List.of(), null, Map.of());

    public RuleConfig rule(String id) {
        return rules.getOrDefault(id, RuleConfig.DEFAULT);
    }

    public String namespaceOrDefault() {
        return namespace == null ? "default" : namespace;
    }

    public PalisadeConfig withNamespace(String ns) {
        return new PalisadeConfig(source, rules, exemptions, ns, extensions);
    }
}
