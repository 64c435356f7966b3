package dev.palisade.rules.availability;

import dev.palisade.engine.ObjectContext;
import dev.palisade.engine.ObjectRule;
import dev.palisade.engine.RuleInfo;
import dev.palisade.model.ManifestObject;
import dev.palisade.model.PodTemplateView;
import dev.palisade.model.Severity;
import dev.palisade.model.Workloads;
import io.fabric8.kubernetes.api.model.PodAntiAffinity;
import io.fabric8.kubernetes.api.model.PodSpec;
import java.util.List;

@RuleInfo(id = "anti-affinity-missing", severity = Severity.INFO, category = "availability",
        summary = "A workload with more than one replica has neither podAntiAffinity nor "
                + "topologySpreadConstraints: the scheduler's default spreading is only a preference, so "
                + "replicas may share a node or zone and fail together.",
        remediation = "Add topologySpreadConstraints on kubernetes.io/hostname (and topology.kubernetes.io/zone), "
                + "or a preferred podAntiAffinity on the pod's own labels.")
public final class AntiAffinityMissing implements ObjectRule {
    @Override
    public void check(ObjectContext ctx) {
        ManifestObject o = ctx.object();
        if (!Replication.isTopLevelReplicated(o) || Workloads.replicas(o).filter(r -> r > 1).isEmpty()) {
            return;
        }
        PodTemplateView t = o.podTemplate().orElseThrow();
        if (!spreads(t.spec())) {
            ctx.report(t.specPath(), o.kind() + " " + o.name() + " runs " + Workloads.replicas(o).orElseThrow()
                    + " replicas without podAntiAffinity or topologySpreadConstraints; add a spread constraint "
                    + "on kubernetes.io/hostname so one node failure cannot take them all");
        }
    }

    private static boolean spreads(PodSpec spec) {
        if (spec.getTopologySpreadConstraints() != null && !spec.getTopologySpreadConstraints().isEmpty()) {
            return true;
        }
        PodAntiAffinity anti = spec.getAffinity() == null ? null : spec.getAffinity().getPodAntiAffinity();
        return anti != null && (notEmpty(anti.getRequiredDuringSchedulingIgnoredDuringExecution())
                || notEmpty(anti.getPreferredDuringSchedulingIgnoredDuringExecution()));
    }

    private static boolean notEmpty(List<?> list) {
        return list != null && !list.isEmpty();
    }
}
