package dev.palisade.rules.schema;

import dev.palisade.engine.RuleInfo;
import dev.palisade.model.Severity;

@RuleInfo(id = "schema-type-mismatch", severity = Severity.ERROR, category = "schema",
        summary = "A value of the wrong type for its field (replicas: 3e, containerPort: \"80\", a map where a "
                + "list is required, a malformed quantity); int-or-string and quantity fields accept both forms.",
        remediation = "Write the value in the type the field takes: a number without letters or quotes for "
                + "integers, a list (- item) where a list is expected, a quantity such as 500m or 1Gi.")
public final class SchemaTypeMismatch extends SchemaProblemRule {
    public SchemaTypeMismatch() {
        super(SchemaValidation.Problem.TYPE_MISMATCH);
    }
}
