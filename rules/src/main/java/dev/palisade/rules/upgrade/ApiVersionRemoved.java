package dev.palisade.rules.upgrade;

import dev.palisade.engine.ObjectContext;
import dev.palisade.engine.ObjectRule;
import dev.palisade.engine.RuleInfo;
import dev.palisade.model.ObjectRef;
import dev.palisade.model.Severity;
import dev.palisade.rules.schema.SchemaRegistry;

@RuleInfo(id = "api-version-removed", severity = Severity.ERROR, category = "upgrade",
        summary = "An apiVersion that the target Kubernetes version (--kubernetes-version, default the newest "
                + "bundled) no longer serves, e.g. extensions/v1beta1 Deployment or policy/v1beta1 "
                + "PodDisruptionBudget: applying it fails.",
        remediation = "Change apiVersion to the replacement named in the message and apply the listed field "
                + "changes; kubectl convert can help.")
public final class ApiVersionRemoved implements ObjectRule {
    @Override
    public void check(ObjectContext ctx) {
        ObjectRef ref = ctx.object().ref();
        String target = SchemaRegistry.targetVersion(ctx.config().schema());
        ApiLifecycle.status(ref.apiVersion(), ref.kind(), target).ifPresent(s -> {
            if (s instanceof ApiLifecycle.Removed r) {
                ctx.report("apiVersion", ref.apiVersion() + " " + ref.kind() + " was removed in Kubernetes 1."
                        + r.removedIn() + " (target " + target + "); "
                        + (r.replacement() != null ? "use " + r.replacement() : "there is no replacement")
                        + (r.note().isEmpty() ? "" : " (" + r.note() + ")"));
            }
        });
    }
}
