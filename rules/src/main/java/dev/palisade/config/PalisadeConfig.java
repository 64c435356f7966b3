package dev.palisade.config;

import dev.palisade.engine.RuleCatalog;
import dev.palisade.model.PodSecurityLevel;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The contents of {@code .palisade.yaml}: immutable, built once, shared by CLI and webhook.
 *
 * @param source     where it was read from (null for the built-in defaults)
 * @param rules      per-rule settings by id
 * @param exemptions exemptions in file order
 * @param namespace  the namespace of objects that name none (null: "default")
 * @param extensions sections owned by an embedding program (e.g. {@code webhook}), unvalidated here
 * @param schema     how objects are validated against API schemas
 * @param pss        the Pod Security levels assumed for namespaces without pod-security labels
 * @param userRules  rules defined in the file ({@code customRules}); the engine adds them to its catalog
 */
public record PalisadeConfig(String source, Map<String, RuleConfig> rules, List<Exemption> exemptions,
        String namespace, Map<String, Object> extensions, SchemaOptions schema, PodSecurityDefaults pss,
        List<RuleCatalog.Entry> userRules) {

    public static final PalisadeConfig DEFAULT =
            new PalisadeConfig(null, Map.of(), List.of(), null, Map.of(), SchemaOptions.DEFAULT, PodSecurityDefaults.DEFAULT, List.of());

    /** A configuration with the default Pod Security levels and without user-defined rules. */
    public PalisadeConfig(String source, Map<String, RuleConfig> rules, List<Exemption> exemptions,
            String namespace, Map<String, Object> extensions, SchemaOptions schema) {
        this(source, rules, exemptions, namespace, extensions, schema, PodSecurityDefaults.DEFAULT, List.of());
    }

    /**
     * The {@code pss:} section: the levels of the three pod-security.kubernetes.io modes for pods whose
     * namespace carries none of those labels (or is not known). Controls of the enforce level are
     * errors; controls of a higher warn or audit level are warnings; the rest are not reported.
     */
    public record PodSecurityDefaults(PodSecurityLevel enforce, PodSecurityLevel warn, PodSecurityLevel audit) {
        public static final PodSecurityDefaults DEFAULT =
                new PodSecurityDefaults(PodSecurityLevel.BASELINE, PodSecurityLevel.RESTRICTED, PodSecurityLevel.PRIVILEGED);
    }

    /**
     * Schema validation settings (the CLI's --kubernetes-version, --crd, --schema-location,
     * --allow-network, --strict-kinds; the {@code schema:} section of the file).
     *
     * @param kubernetesVersion "1.NN", or null for the newest bundled
     * @param crdPaths          files or folders holding CustomResourceDefinitions
     * @param schemaLocations   kubeconform-style location templates (local paths; URLs need allowNetwork)
     * @param allowNetwork      whether schemas may be fetched over the network
     * @param strictKinds       whether an unknown kind is a warning rather than info
     */
    public record SchemaOptions(String kubernetesVersion, List<String> crdPaths, List<String> schemaLocations,
            boolean allowNetwork, boolean strictKinds) {
        public static final SchemaOptions DEFAULT = new SchemaOptions(null, List.of(), List.of(), false, false);

        @Override
        public boolean equals(Object o) {
            // Written out (same values as the record's own): a record's generated equals and hashCode are
            // bootstrapped through invokedynamic on first use, which the JDK's AOT cache does not keep, and
            // that bootstrap was a noticeable part of a one-file lint's start.
            return o instanceof SchemaOptions s && Objects.equals(kubernetesVersion, s.kubernetesVersion)
                    && Objects.equals(crdPaths, s.crdPaths) && Objects.equals(schemaLocations, s.schemaLocations)
                    && allowNetwork == s.allowNetwork && strictKinds == s.strictKinds;
        }

        @Override
        public int hashCode() {
            int h = Objects.hashCode(kubernetesVersion);
            h = 31 * h + Objects.hashCode(crdPaths);
            h = 31 * h + Objects.hashCode(schemaLocations);
            h = 31 * h + Boolean.hashCode(allowNetwork);
            return 31 * h + Boolean.hashCode(strictKinds);
        }
    }

    public PalisadeConfig withSource(String path) {
        return new PalisadeConfig(path, rules, exemptions, namespace, extensions, schema, pss, userRules);
    }

    public PalisadeConfig withSchema(SchemaOptions options) {
        return new PalisadeConfig(source, rules, exemptions, namespace, extensions, options, pss, userRules);
    }

    public RuleConfig rule(String id) {
        return rules.getOrDefault(id, RuleConfig.DEFAULT);
    }

    public String namespaceOrDefault() {
        return namespace == null ? "default" : namespace;
    }

    public PalisadeConfig withNamespace(String ns) {
        return new PalisadeConfig(source, rules, exemptions, ns, extensions, schema, pss, userRules);
    }
}
