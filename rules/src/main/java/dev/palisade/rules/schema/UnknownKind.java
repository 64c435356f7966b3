package dev.palisade.rules.schema;

import dev.palisade.engine.ObjectContext;
import dev.palisade.engine.ObjectRule;
import dev.palisade.engine.RuleInfo;
import dev.palisade.model.ManifestObject;
import dev.palisade.model.Severity;
import java.util.Objects;

@RuleInfo(id = "unknown-kind", severity = Severity.INFO, category = "schema",
        summary = "An apiVersion/kind for which no schema is known (not built into the target Kubernetes version, "
                + "no CRD in the lint set or --crd, not under a --schema-location), so it is not validated; "
                + "reported once per kind, and a warning with --strict-kinds.",
        remediation = "Check apiVersion and kind for typos; for a custom resource, lint its CRD along with it or "
                + "pass --crd / --schema-location.")
public final class UnknownKind implements ObjectRule {
    @Override
    public void check(ObjectContext ctx) {
        SchemaValidation.Result result = SchemaValidation.of(ctx);
        ManifestObject o = ctx.object();
        if (result.unusable() != null) {
            ctx.report("kind", o.ref().apiVersion() + " " + o.kind() + " is not validated: " + result.unusable());
            return;
        }
        if (result.schemaKnown() || !firstOfItsKind(ctx)) {
            return;
        }
        String target = SchemaRegistry.targetVersion(ctx.config().schema());
        String hint = BundledSchemas.anyVersionServes(o.ref().apiVersion(), o.kind())
                ? "; Kubernetes " + target + " does not serve it (see api-version-removed)"
                : "";
        String message = "no schema for " + o.ref().apiVersion() + " " + o.kind() + hint
                + ": objects of this kind are not validated (add its CRD, --crd or --schema-location)";
        if (ctx.config().schema().strictKinds()) {
            ctx.report("kind", message, Severity.WARNING);
        } else {
            ctx.report("kind", message);
        }
    }

    /** Once per kind: only the first object of that apiVersion/kind in the lint set reports. */
    private static boolean firstOfItsKind(ObjectContext ctx) {
        ManifestObject o = ctx.object();
        for (ManifestObject other : ctx.index().list(o.kind(), null)) {
            if (Objects.equals(other.ref().apiVersion(), o.ref().apiVersion())) {
                return other == o;
            }
        }
        return true; // not in the index (the webhook): each admission stands alone
    }
}
