package dev.palisade.rules.schema;

import dev.palisade.engine.RuleInfo;
import dev.palisade.model.Severity;

@RuleInfo(id = "schema-unknown-field", severity = Severity.ERROR, category = "schema",
        summary = "A field the API does not have for this apiVersion/kind (a typo such as contianers or "
                + "spec.replica): the API server drops it silently on many paths, so the setting never applies.",
        remediation = "Fix the field name (the message suggests the closest known field) or move it to the level "
                + "where the API defines it.")
public final class SchemaUnknownField extends SchemaProblemRule {
    public SchemaUnknownField() {
        super(SchemaValidation.Problem.UNKNOWN_FIELD);
    }
}
