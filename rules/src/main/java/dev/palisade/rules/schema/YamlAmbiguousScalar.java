package dev.palisade.rules.schema;

import dev.palisade.engine.RuleInfo;
import dev.palisade.model.Severity;

@RuleInfo(id = "yaml-ambiguous-scalar", severity = Severity.WARNING, category = "schema",
        summary = "An unquoted YAML 1.1 value (yes, no, on, off, 0755, 12:30...) in a field that must be a string "
                + "(labels, annotations, env values, ConfigMap data): YAML reads it as a boolean or number, and "
                + "the API server rejects or mangles it.",
        remediation = "Quote the value (\"yes\", \"0755\") so it stays the string you wrote.")
public final class YamlAmbiguousScalar extends SchemaProblemRule {
    public YamlAmbiguousScalar() {
        super(SchemaValidation.Problem.AMBIGUOUS_SCALAR);
    }
}
