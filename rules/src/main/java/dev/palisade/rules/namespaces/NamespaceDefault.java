package dev.palisade.rules.namespaces;

import dev.palisade.engine.ObjectContext;
import dev.palisade.engine.ObjectRule;
import dev.palisade.engine.RuleInfo;
import dev.palisade.model.ManifestObject;
import dev.palisade.model.Severity;

@RuleInfo(id = "namespace-default", severity = Severity.INFO, category = "namespaces",
        summary = "A namespaced object is placed in the 'default' namespace: it shares it with everything "
                + "deployed without thought, so quotas, network policies, RBAC and Pod Security labels cannot "
                + "be scoped to it.",
        remediation = "Set metadata.namespace to a namespace of the application's own.",
        params = @RuleInfo.Param(name = "implicit", type = RuleInfo.ParamType.BOOL, defaultValue = "false",
                description = "Also report objects that name no namespace and would land in 'default' (off by "
                        + "default: charts and kustomize bases usually get the namespace at apply time)."))
public final class NamespaceDefault implements ObjectRule {
    static final String DEFAULT = "default";

    @Override
    public void check(ObjectContext ctx) {
        ManifestObject o = ctx.object();
        if (o.kind() == null || !DEFAULT.equals(o.namespace())) {
            return;
        }
        boolean explicit = o.ref().namespace() != null && !o.ref().namespace().isEmpty();
        if (explicit) {
            ctx.report("metadata.namespace", o.kind() + " " + o.name() + " is in the 'default' namespace; "
                    + "move it to a namespace of the application's own");
        } else if (ctx.params().bool("implicit")) {
            ctx.report("metadata.namespace", o.kind() + " " + o.name() + " names no namespace and lands in "
                    + "'default'; set metadata.namespace");
        }
    }
}
