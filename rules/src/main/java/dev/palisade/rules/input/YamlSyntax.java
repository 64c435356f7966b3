package dev.palisade.rules.input;

import dev.palisade.engine.RuleInfo;
import dev.palisade.engine.SourceContext;
import dev.palisade.engine.SourceRule;
import dev.palisade.load.LoadProblem;
import dev.palisade.model.Severity;

@RuleInfo(id = "yaml-syntax", severity = Severity.ERROR, category = "input",
        summary = "The file is not well-formed YAML or JSON (or not readable UTF-8 text); nothing after the "
                + "error in that file was linted.",
        remediation = "Fix the syntax at the reported position (indentation, an unclosed quote or bracket, a tab "
                + "used for indentation) and save the file as UTF-8.")
public final class YamlSyntax implements SourceRule {
    @Override
    public void check(SourceContext ctx) {
        InputProblems.report(ctx, LoadProblem.Kind.SYNTAX);
    }
}
