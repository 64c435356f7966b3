package dev.palisade.rules.selectors;

import com.fasterxml.jackson.databind.JsonNode;
import dev.palisade.engine.ObjectContext;
import dev.palisade.engine.ObjectRule;
import dev.palisade.engine.RuleInfo;
import dev.palisade.model.ManifestObject;
import dev.palisade.model.Severity;

@RuleInfo(id = "hpa-target-missing", severity = Severity.WARNING, category = "selectors",
        summary = "A HorizontalPodAutoscaler whose scaleTargetRef names no object of that kind and name in its "
                + "namespace: it scales nothing.",
        remediation = "Make spec.scaleTargetRef's kind and name those of the workload to scale, in the "
                + "autoscaler's namespace.")
public final class HpaTargetMissing implements ObjectRule {
    @Override
    public void check(ObjectContext ctx) {
        ManifestObject hpa = ctx.object();
        if (!"HorizontalPodAutoscaler".equals(hpa.kind()) || !"autoscaling".equals(hpa.ref().group())) {
            return;
        }
        JsonNode ref = hpa.tree().path("spec").path("scaleTargetRef");
        String kind = ref.path("kind").asText("");
        String name = ref.path("name").asText("");
        String ns = hpa.namespace();
        if (kind.isEmpty() || name.isEmpty() || !ctx.index().covers(kind, ns)
                || ctx.index().get(kind, ns, name).isPresent()) {
            return;
        }
        ctx.report("spec.scaleTargetRef.name", "scaleTargetRef names " + kind + " " + name + ", which is not in "
                + "namespace " + ns + hint(ctx, ns, kind, name) + "; fix the kind or name");
    }

    /** The usual slip: the right name with another kind (a StatefulSet referred to as a Deployment). */
    private static String hint(ObjectContext ctx, String ns, String kind, String name) {
        for (String other : new String[] {"Deployment", "StatefulSet", "ReplicaSet", "ReplicationController"}) {
            if (!other.equals(kind) && ctx.index().get(other, ns, name).isPresent()) {
                return " (there is a " + other + " of that name)";
            }
        }
        return "";
    }
}
