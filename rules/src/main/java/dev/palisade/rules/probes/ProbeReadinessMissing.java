package dev.palisade.rules.probes;

import com.fasterxml.jackson.databind.JsonNode;
import dev.palisade.engine.ObjectContext;
import dev.palisade.engine.ObjectRule;
import dev.palisade.engine.RuleInfo;
import dev.palisade.model.JsonPath;
import dev.palisade.model.ManifestObject;
import dev.palisade.model.PodTemplateView.ContainerAt;
import dev.palisade.model.Severity;
import java.util.Iterator;
import java.util.Map;

@RuleInfo(id = "probe-readiness-missing", severity = Severity.WARNING, category = "probes",
        summary = "A container of a long-running workload has no readinessProbe: Services send it traffic "
                + "as soon as the process starts, and rollouts proceed before it can serve. A container that "
                + "declares no ports, in a pod no Service of the set selects (a queue worker, a load "
                + "generator), serves no traffic and is not reported.",
        remediation = "Add a readinessProbe (httpGet on a health endpoint, tcpSocket or grpc) that succeeds "
                + "only when the container can serve requests.")
public final class ProbeReadinessMissing implements ObjectRule {
    @Override
    public void check(ObjectContext ctx) {
        for (ContainerAt c : LongRunning.containers(ctx)) {
            if (c.container().getReadinessProbe() == null && !servesNoTraffic(ctx, c)) {
                ctx.report(JsonPath.child(c.path(), "readinessProbe"), "container '" + c.container().getName()
                        + "' has no readinessProbe; add one so it only receives traffic when it can serve");
            }
        }
    }

    /**
     * Readiness only decides whether Services route to the pod: a container without ports in a pod
     * that no Service selects has nothing to gate. Unknown when the index does not hold Services.
     */
    private static boolean servesNoTraffic(ObjectContext ctx, ContainerAt c) {
        boolean declaresPorts = c.container().getPorts() != null && !c.container().getPorts().isEmpty();
        if (declaresPorts || !ctx.index().covers("Service")) {
            return false;
        }
        Map<String, String> labels = ctx.podTemplate().map(t -> t.labels()).orElse(Map.of());
        return ctx.index().list("Service", ctx.object().namespace()).stream()
                .noneMatch(service -> selects(service, labels));
    }

    private static boolean selects(ManifestObject service, Map<String, String> labels) {
        boolean externalName = "ExternalName".equals(service.tree().path("spec").path("type").asText());
        if (!service.ref().group().isEmpty() || externalName) {
            return false;
        }
        JsonNode selector = service.tree().path("spec").path("selector");
        if (!selector.isObject() || selector.isEmpty()) {
            return false; // endpoints managed by hand: not this pod's traffic as far as the set shows
        }
        Iterator<Map.Entry<String, JsonNode>> fields = selector.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            if (!f.getValue().asText().equals(labels.get(f.getKey()))) {
                return false;
            }
        }
        return true;
    }
}
