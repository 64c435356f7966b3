package dev.palisade.rules.selectors;

import dev.palisade.engine.ObjectContext;
import dev.palisade.engine.ObjectRule;
import dev.palisade.engine.RuleInfo;
import dev.palisade.index.ObjectIndex;
import dev.palisade.model.ManifestObject;
import dev.palisade.model.Severity;
import io.fabric8.kubernetes.api.model.LabelSelector;
import java.util.List;
import java.util.Map;

@RuleInfo(id = "service-selector-no-match", severity = Severity.WARNING, category = "selectors",
        summary = "A Service's selector matches no pod template in its namespace, so it has no endpoints.",
        remediation = "Make spec.selector a subset of the pod template labels of the workload it should route "
                + "to (same namespace), or fix the workload's labels.")
public final class ServiceSelectorNoMatch implements ObjectRule {
    @Override
    public void check(ObjectContext ctx) {
        ManifestObject service = ctx.object();
        if (!Services.isService(service) || Services.isExternalName(service)) {
            return;
        }
        Map<String, String> selector = Services.selector(service);
        String ns = service.namespace();
        ObjectIndex index = ctx.index();
        if (selector.isEmpty() || !index.coversWorkloads(ns) || !index.podTemplates(ns, selector).isEmpty()) {
            return;
        }
        String what = "selector " + Selectors.describe(selector) + " matches no pod template in namespace " + ns;
        ManifestObject closest = Selectors.closest(index, ns, new LabelSelector(null, selector)).orElse(null);
        if (closest == null) {
            ctx.report("spec.selector", what + "; no workload there has any of these labels");
            return;
        }
        Map<String, String> labels = Selectors.templateLabels(closest);
        List<Selectors.Unmet> unmet = Selectors.unmet(selector, "spec.selector", labels);
        ctx.report(unmet.get(0).path(), what + "; the closest, " + closest.ref().display() + ", lacks "
                + String.join(", ", unmet.stream().map(Selectors.Unmet::requirement).toList())
                + " (its pod labels: " + Selectors.describeLabels(labels) + ")");
    }
}
