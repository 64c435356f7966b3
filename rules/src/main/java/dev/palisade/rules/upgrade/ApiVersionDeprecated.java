package dev.palisade.rules.upgrade;

import dev.palisade.engine.ObjectContext;
import dev.palisade.engine.ObjectRule;
import dev.palisade.engine.RuleInfo;
import dev.palisade.model.ObjectRef;
import dev.palisade.model.Severity;
import dev.palisade.rules.schema.SchemaRegistry;

@RuleInfo(id = "api-version-deprecated", severity = Severity.WARNING, category = "upgrade",
        summary = "An apiVersion that the target Kubernetes version still serves but has deprecated (a beta "
                + "next to its GA version): a later upgrade will stop serving it.",
        remediation = "Move to the replacement apiVersion named in the message before upgrading.")
public final class ApiVersionDeprecated implements ObjectRule {
    @Override
    public void check(ObjectContext ctx) {
        ObjectRef ref = ctx.object().ref();
        String target = SchemaRegistry.targetVersion(ctx.config().schema());
        ApiLifecycle.status(ref.apiVersion(), ref.kind(), target).ifPresent(s -> {
            if (s instanceof ApiLifecycle.Deprecated d) {
                String since = d.deprecatedIn() > 0 ? " since Kubernetes 1." + d.deprecatedIn() : " in Kubernetes " + target;
                String removal = d.removedIn() > 0 ? " and removed in 1." + d.removedIn() : "";
                ctx.report("apiVersion", ref.apiVersion() + " " + ref.kind() + " is deprecated" + since + removal
                        + "; use " + d.replacement() + (d.note().isEmpty() ? "" : " (" + d.note() + ")"));
            }
        });
    }
}
