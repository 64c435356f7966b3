package dev.palisade.rules.schema;

import dev.palisade.engine.ObjectContext;
import dev.palisade.engine.ObjectRule;
import dev.palisade.model.QuantityFields;

/** Reports the schema violations of one {@link SchemaValidation.Problem}; the subclasses carry the metadata. */
abstract class SchemaProblemRule implements ObjectRule {
    private final SchemaValidation.Problem problem;

    SchemaProblemRule(SchemaValidation.Problem problem) {
        this.problem = problem;
    }

    @Override
    public final void check(ObjectContext ctx) {
        for (SchemaValidation.Violation v : SchemaValidation.of(ctx).violations()) {
            if (v.problem() == problem && !leftToQuantityRule(ctx, v)) {
                ctx.report(v.path(), v.message());
            }
        }
    }

    /** A malformed quantity is reported once, by resources-quantity-invalid (with a did-you-mean), when it runs. */
    private static boolean leftToQuantityRule(ObjectContext ctx, SchemaValidation.Violation v) {
        return v.problem() == SchemaValidation.Problem.TYPE_MISMATCH && ctx.runs("resources-quantity-invalid")
                && QuantityFields.contains(ctx.object(), v.path());
    }
}
