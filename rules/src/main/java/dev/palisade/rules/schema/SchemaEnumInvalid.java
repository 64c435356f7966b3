package dev.palisade.rules.schema;

import dev.palisade.engine.RuleInfo;
import dev.palisade.model.Severity;

@RuleInfo(id = "schema-enum-invalid", severity = Severity.ERROR, category = "schema",
        summary = "A value outside a closed set of the API (restartPolicy, imagePullPolicy, protocol, Service "
                + "type, access modes...): the API server rejects the object.",
        remediation = "Use one of the values listed in the message; they are case-sensitive (IfNotPresent, not "
                + "ifnotpresent).")
public final class SchemaEnumInvalid extends SchemaProblemRule {
    public SchemaEnumInvalid() {
        super(SchemaValidation.Problem.ENUM_INVALID);
    }
}
