package dev.palisade.rules.schema;

import dev.palisade.engine.ObjectContext;
import dev.palisade.engine.ObjectRule;

/** Reports the schema violations of one {@link SchemaValidation.Problem}; the subclasses carry the metadata. */
abstract class SchemaProblemRule implements ObjectRule {
    private final SchemaValidation.Problem problem;

    SchemaProblemRule(SchemaValidation.Problem problem) {
        this.problem = problem;
    }

    @Override
    public final void check(ObjectContext ctx) {
        for (SchemaValidation.Violation v : SchemaValidation.of(ctx).violations()) {
            if (v.problem() == problem) {
                ctx.report(v.path(), v.message());
            }
        }
    }
}
