package dev.palisade.rules.pss;

import com.fasterxml.jackson.databind.JsonNode;
import dev.palisade.config.PalisadeConfig.PodSecurityDefaults;
import dev.palisade.index.ObjectIndex;
import dev.palisade.model.ManifestObject;
import dev.palisade.model.PodSecurityLevel;
import dev.palisade.model.Severity;
import java.util.Optional;

/**
 * Which Pod Security level applies to a pod, and so how serious a failed control is. A Namespace with
 * any {@code pod-security.kubernetes.io/enforce|warn|audit} label states its own levels (modes it does
 * not label are privileged); otherwise the configured {@code pss:} defaults apply.
 */
public final class PssProfile {
    public static final String LABEL_PREFIX = "pod-security.kubernetes.io/";

    private PssProfile() {
    }

    /**
     * The severity of a failed control of level {@code control}: error when the enforce level includes
     * it, warning when the warn or audit level does, empty when no mode asks for it.
     */
    public static Optional<Severity> severity(PodSecurityDefaults modes, PodSecurityLevel control) {
        if (modes.enforce().includes(control)) {
            return Optional.of(Severity.ERROR);
        }
        if (PodSecurityLevel.max(modes.warn(), modes.audit()).includes(control)) {
            return Optional.of(Severity.WARNING);
        }
        return Optional.empty();
    }

    /** The levels for pods in {@code namespace}: its labels when it has any, else {@code defaults}. */
    public static PodSecurityDefaults modesFor(ObjectIndex index, String namespace, PodSecurityDefaults defaults) {
        if (namespace == null) {
            return defaults;
        }
        return index.get("Namespace", null, namespace)
                .map(ns -> fromLabels(ns, defaults))
                .orElse(defaults);
    }

    private static PodSecurityDefaults fromLabels(ManifestObject namespace, PodSecurityDefaults defaults) {
        JsonNode labels = namespace.tree().path("metadata").path("labels");
        JsonNode enforce = labels.path(LABEL_PREFIX + "enforce");
        JsonNode warn = labels.path(LABEL_PREFIX + "warn");
        JsonNode audit = labels.path(LABEL_PREFIX + "audit");
        if (enforce.isMissingNode() && warn.isMissingNode() && audit.isMissingNode()) {
            return defaults;
        }
        return new PodSecurityDefaults(level(enforce), level(warn), level(audit));
    }

    /**
     * An absent label is privileged; a value that is not a level counts as restricted, as the Pod
     * Security admission controller treats it.
     */
    private static PodSecurityLevel level(JsonNode label) {
        if (label.isMissingNode() || label.isNull()) {
            return PodSecurityLevel.PRIVILEGED;
        }
        return PodSecurityLevel.parse(label.isValueNode() ? label.asText() : null).orElse(PodSecurityLevel.RESTRICTED);
    }
}
