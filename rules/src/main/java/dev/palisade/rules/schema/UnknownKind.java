package dev.palisade.rules.schema;

import dev.palisade.engine.ObjectContext;
import dev.palisade.engine.ObjectRule;
import dev.palisade.engine.RuleInfo;
import dev.palisade.model.ManifestObject;
import dev.palisade.model.Severity;
import dev.palisade.rules.upgrade.ApiLifecycle;
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
        String target = SchemaRegistry.targetVersion(ctx.config().schema());
        if (result.schemaKnown() || removedBuiltIn(o, target) || !firstOfItsKind(ctx)) {
            return;
        }
        String message = "no schema for " + o.ref().apiVersion() + " " + o.kind()
                + ": objects of this kind are not validated (check apiVersion and kind, or add its CRD, --crd or "
                + "--schema-location)";
        if (ctx.config().schema().strictKinds()) {
            ctx.report("kind", message, Severity.WARNING);
        } else {
            ctx.report("kind", message);
        }
    }

    /** A built-in apiVersion the target no longer serves is api-version-removed's finding, not an unknown kind. */
    private static boolean removedBuiltIn(ManifestObject o, String target) {
        return ApiLifecycle.status(o.ref().apiVersion(), o.kind(), target)
                .filter(s -> s instanceof ApiLifecycle.Removed).isPresent();
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
