package dev.palisade.config;

import dev.palisade.model.Severity;
import java.util.Map;

/** One rule's settings from the configuration; null fields keep the rule's defaults. */
public record RuleConfig(Boolean enabled, Severity severity, Map<String, Object> params) {
    public static final RuleConfig DEFAULT = new RuleConfig(null, null, Map.of());
}
