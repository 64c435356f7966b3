package dev.palisade.rules.services;

import com.fasterxml.jackson.databind.JsonNode;
import dev.palisade.engine.ObjectContext;
import dev.palisade.engine.ObjectRule;
import dev.palisade.engine.RuleInfo;
import dev.palisade.model.LabelSelectors;
import dev.palisade.model.ManifestObject;
import dev.palisade.model.Severity;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

@RuleInfo(id = "statefulset-service-missing", severity = Severity.WARNING, category = "services",
        summary = "A StatefulSet's serviceName names no headless Service (clusterIP: None) in its namespace, or "
                + "one that does not select its pods: the pods get no stable DNS names (name-0.service), which "
                + "peers of clustered software rely on.",
        remediation = "Add a Service with that name, clusterIP: None and a selector matching the pods, or fix "
                + "serviceName to the name of the existing headless Service.")
public final class StatefulSetServiceMissing implements ObjectRule {
    @Override
    public void check(ObjectContext ctx) {
        ManifestObject sts = ctx.object();
        if (!"StatefulSet".equals(sts.kind()) || !"apps".equals(sts.ref().group()) || !ctx.index().covers("Service")) {
            return;
        }
        JsonNode serviceName = sts.tree().path("spec").path("serviceName");
        if (!serviceName.isTextual() || serviceName.asText().isEmpty()) {
            return; // optional in recent API versions; without it pods simply get no per-pod DNS names
        }
        String name = serviceName.asText();
        Optional<ManifestObject> service = ctx.index().list("Service", sts.namespace()).stream()
                .filter(s -> name.equals(s.name()) && s.ref().group().isEmpty()).findFirst();
        if (service.isEmpty()) {
            ctx.report("spec.serviceName", "serviceName " + name + " names no Service in namespace "
                    + sts.namespace() + "; add a headless Service " + name + " (clusterIP: None) selecting the pods "
                    + "so they get stable DNS names like " + sts.name() + "-0." + name);
        } else if (!ServiceSpecs.isHeadless(ServiceSpecs.spec(service.get()))) {
            ctx.report("spec.serviceName", "Service " + name + " is not headless; set clusterIP: None on it (a new "
                    + "Service: the field cannot be changed in place) so the pods get stable DNS names like "
                    + sts.name() + "-0." + name);
        } else if (!selectsPods(service.get(), sts)) {
            ctx.report("spec.serviceName", "headless Service " + name + " does not select this StatefulSet's pods "
                    + "(template labels " + sts.podTemplate().map(t -> t.labels().toString()).orElse("{}")
                    + "), so they get no DNS names; make its selector match the pod labels");
        }
    }

    /** Whether the Service's selector picks the StatefulSet's pods; a Service without selector picks none. */
    private static boolean selectsPods(ManifestObject service, ManifestObject sts) {
        JsonNode selector = ServiceSpecs.spec(service).path("selector");
        if (!selector.isObject() || selector.isEmpty()) {
            return false;
        }
        Map<String, String> labels = sts.podTemplate().map(t -> t.labels()).orElse(Map.of());
        Map<String, String> wanted = new HashMap<>();
        selector.fields().forEachRemaining(e -> wanted.put(e.getKey(), e.getValue().asText()));
        return LabelSelectors.matches(wanted, labels);
    }
}
