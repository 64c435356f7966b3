package dev.palisade.engine;

import dev.palisade.model.Severity;
import java.util.Arrays;
import java.util.List;

/** A rule's metadata as data, read from its {@link RuleInfo}. */
public record RuleMeta(String id, Severity severity, String category, String summary, String remediation,
        boolean enabledByDefault, List<ParamMeta> params, String docs) {

    /** Where rule documentation is published; docs/rules/&lt;id&gt;.md in the repository. */
    public static final String DOCS_BASE = "https://github.com/palisade-dev/palisade/blob/main/docs/rules/";

    public record ParamMeta(String name, RuleInfo.ParamType type, String defaultValue, String description) {
    }

    public static RuleMeta of(Class<?> ruleClass) {
        RuleInfo info = ruleClass.getAnnotation(RuleInfo.class);
        if (info == null) {
            throw new IllegalStateException(ruleClass.getName() + " has no @RuleInfo");
        }
        List<ParamMeta> params = Arrays.stream(info.params())
                .map(p -> new ParamMeta(p.name(), p.type(), p.defaultValue(), p.description()))
                .toList();
        return new RuleMeta(info.id(), info.severity(), info.category(), info.summary(), info.remediation(),
                info.enabledByDefault(), params, DOCS_BASE + info.id() + ".md");
    }

    public ParamMeta param(String name) {
        return params.stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
    }
}
