package dev.palisade.rules.selectors;

import dev.palisade.engine.ObjectContext;
import dev.palisade.engine.ObjectRule;
import dev.palisade.engine.RuleInfo;
import dev.palisade.model.ManifestObject;
import dev.palisade.model.Severity;
import io.fabric8.kubernetes.api.model.LabelSelector;
import java.util.Map;

@RuleInfo(id = "service-selector-no-match", severity = Severity.WARNING, category = "selectors",
        summary = "A Service's selector matches no pod template in its namespace, so it has no endpoints.",
        remediation = "Make spec.selector a subset of the pod template labels of the workload it should route "
                + "to (same namespace), or fix the workload's labels.")
public final class ServiceSelectorNoMatch implements ObjectRule {
    @Override
    public void check(ObjectContext ctx) {
        ManifestObject service = ctx.object();
        if (!Services.routesToEndpoints(service)) {
            return;
        }
        Map<String, String> selector = Services.selector(service);
        if (!selector.isEmpty()) { // none at all is service-selector-missing's finding
            Selectors.reportIfNoMatch(ctx, new LabelSelector(null, selector), "spec.selector", "selector", true);
        }
    }
}
