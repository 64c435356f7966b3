package dev.palisade.rules.schema;

import dev.palisade.engine.RuleInfo;
import dev.palisade.model.Severity;

@RuleInfo(id = "schema-required-missing", severity = Severity.ERROR, category = "schema",
        summary = "A field the API requires is missing (a Deployment without spec.selector or spec.template, a "
                + "container without name): the API server rejects the object.",
        remediation = "Add the missing field at the reported level.")
public final class SchemaRequiredMissing extends SchemaProblemRule {
    public SchemaRequiredMissing() {
        super(SchemaValidation.Problem.REQUIRED_MISSING);
    }
}
