package dev.palisade.rules.statefulsets;

import com.fasterxml.jackson.databind.JsonNode;
import dev.palisade.engine.ObjectContext;
import dev.palisade.engine.ObjectRule;
import dev.palisade.engine.RuleInfo;
import dev.palisade.model.ManifestObject;
import dev.palisade.model.Severity;

@RuleInfo(id = "statefulset-pod-management", severity = Severity.INFO, category = "statefulsets",
        summary = "A StatefulSet with persistent volumes uses podManagementPolicy: Parallel: all pods start, "
                + "and on scale-down stop, at once, so a data store that bootstraps from ordinal 0 or hands "
                + "data over member by member may split or lose quorum.",
        remediation = "Keep Parallel only when the application forms its cluster without relying on start "
                + "order (and suppress this finding); otherwise use the default OrderedReady.")
public final class StatefulSetPodManagement implements ObjectRule {
    @Override
    public void check(ObjectContext ctx) {
        ManifestObject o = ctx.object();
        if (!"StatefulSet".equals(o.kind())) {
            return;
        }
        JsonNode spec = o.tree().path("spec");
        JsonNode claims = spec.path("volumeClaimTemplates");
        if ("Parallel".equals(spec.path("podManagementPolicy").asText()) && claims.isArray() && !claims.isEmpty()) {
            ctx.report("spec.podManagementPolicy", "StatefulSet " + o.name() + " keeps data in volumeClaimTemplates "
                    + "but starts and stops all pods at once; use OrderedReady unless the application tolerates it");
        }
    }
}
