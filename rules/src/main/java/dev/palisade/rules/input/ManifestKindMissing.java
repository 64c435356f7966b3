package dev.palisade.rules.input;

import dev.palisade.engine.RuleInfo;
import dev.palisade.engine.SourceContext;
import dev.palisade.engine.SourceRule;
import dev.palisade.load.LoadProblem;
import dev.palisade.model.Severity;

@RuleInfo(id = "manifest-kind-missing", severity = Severity.ERROR, category = "input",
        summary = "A document is not a Kubernetes object: it lacks apiVersion or kind, or is not a mapping.",
        remediation = "Add apiVersion and kind (e.g. apiVersion: apps/v1, kind: Deployment), or move "
                + "non-manifest YAML out of the linted paths.")
public final class ManifestKindMissing implements SourceRule {
    @Override
    public void check(SourceContext ctx) {
        InputProblems.report(ctx, LoadProblem.Kind.KIND_MISSING);
    }
}
