package dev.palisade.rules.input;

import dev.palisade.engine.ObjectContext;
import dev.palisade.engine.ObjectRule;
import dev.palisade.engine.RuleInfo;
import dev.palisade.model.QuantityFields;
import dev.palisade.model.Severity;
import dev.palisade.model.TypedModels;
import dev.palisade.rules.schema.SchemaValidation;

@RuleInfo(id = "field-type-invalid", severity = Severity.ERROR, category = "input",
        summary = "A field of a built-in kind holds a value of the wrong type (e.g. replicas: 3e); the API "
                + "server rejects the object.",
        remediation = "Write the value in the type the field takes: a number without letters, a list where "
                + "a list is expected, quotes around strings that look like numbers.")
public final class FieldTypeInvalid implements ObjectRule {
    @Override
    public void check(ObjectContext ctx) {
        if (schemaRuleCovers(ctx)) {
            return;
        }
        for (TypedModels.FieldError e : ctx.object().typeErrors()) {
            if (QuantityFields.contains(ctx.object(), e.path())) {
                continue; // resources-quantity-invalid reports bad quantities, at the value, once
            }
            String value = ctx.object().positions().plainScalar(e.path());
            String field = e.path().isEmpty() ? "object" : e.path();
            ctx.report(e.path(), field + ": " + e.message() + (value != null ? ", got '" + value + "'" : ""));
        }
    }

    /**
     * One finding per bad node: where schema validation covers the kind, schema-type-mismatch reports
     * the same node with the API's own types (and every other violation too), so this rule stays
     * silent. It remains the fallback when schema-type-mismatch does not run (disabled or not selected).
     * Asked before the type errors: the schema rules have validated the object already, while the
     * type errors cost a fabric8 conversion that objects without a pod template need for nothing else.
     */
    private static boolean schemaRuleCovers(ObjectContext ctx) {
        return ctx.runs("schema-type-mismatch") && SchemaValidation.covers(ctx);
    }
}
