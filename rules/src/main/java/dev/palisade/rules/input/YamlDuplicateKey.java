package dev.palisade.rules.input;

import dev.palisade.engine.RuleInfo;
import dev.palisade.engine.SourceContext;
import dev.palisade.engine.SourceRule;
import dev.palisade.load.LoadProblem;
import dev.palisade.model.Severity;

@RuleInfo(id = "yaml-duplicate-key", severity = Severity.ERROR, category = "input",
        summary = "A mapping names the same key twice; one value silently replaces the other.",
        remediation = "Keep one of the two keys: merge their contents if both were meant.")
public final class YamlDuplicateKey implements SourceRule {
    @Override
    public void check(SourceContext ctx) {
        InputProblems.report(ctx, LoadProblem.Kind.DUPLICATE_KEY);
    }
}
