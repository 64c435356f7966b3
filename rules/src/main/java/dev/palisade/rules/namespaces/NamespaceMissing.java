package dev.palisade.rules.namespaces;

import dev.palisade.engine.ObjectContext;
import dev.palisade.engine.ObjectRule;
import dev.palisade.engine.RuleInfo;
import dev.palisade.model.ManifestObject;
import dev.palisade.model.Severity;
import java.util.Set;

@RuleInfo(id = "namespace-missing", severity = Severity.INFO, category = "namespaces",
        summary = "A namespaced object's namespace is not among the Namespace objects of the set, while the set "
                + "does define Namespaces: applying it fails (or depends on another deployment creating it "
                + "first), and a typo in the namespace goes unnoticed.",
        remediation = "Add the Namespace to the manifests, or fix metadata.namespace to one the set defines.")
public final class NamespaceMissing implements ObjectRule {
    /** Namespaces every cluster has. */
    private static final Set<String> BUILT_IN = Set.of("default", "kube-system", "kube-public", "kube-node-lease");

    @Override
    public void check(ObjectContext ctx) {
        ManifestObject o = ctx.object();
        String ns = o.namespace();
        if (o.kind() == null || ns == null || BUILT_IN.contains(ns) || !ctx.index().covers("Namespace")) {
            return;
        }
        var namespaces = ctx.index().list("Namespace", null);
        if (namespaces.isEmpty() || namespaces.stream().anyMatch(n -> ns.equals(n.name()))) {
            return; // a set without Namespaces leaves them to someone else, on purpose
        }
        ctx.report("metadata.namespace", o.kind() + " " + o.name() + " is in namespace " + ns
                + ", which no Namespace of the set defines; add a Namespace " + ns + " or fix metadata.namespace");
    }
}
