package dev.palisade.rules.input;

import dev.palisade.engine.RuleInfo;
import dev.palisade.engine.SourceContext;
import dev.palisade.engine.SourceRule;
import dev.palisade.load.LoadProblem;
import dev.palisade.model.Severity;

@RuleInfo(id = "manifest-too-large", severity = Severity.ERROR, category = "input",
        summary = "A file or document is over the size, nesting or alias limits and was not read; "
                + "the API server would refuse it too.",
        remediation = "Split the document, remove runaway anchors/aliases, or keep large data out of "
                + "manifests (the API server's limit is about 1.5 MiB per object).")
public final class ManifestTooLarge implements SourceRule {
    @Override
    public void check(SourceContext ctx) {
        InputProblems.report(ctx, LoadProblem.Kind.TOO_LARGE);
    }
}
