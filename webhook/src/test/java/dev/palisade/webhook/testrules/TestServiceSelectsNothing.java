package dev.palisade.webhook.testrules;

import dev.palisade.engine.ObjectContext;
import dev.palisade.engine.ObjectRule;
import dev.palisade.engine.RuleInfo;
import dev.palisade.model.LabelSelectors;
import dev.palisade.model.Severity;
import io.fabric8.kubernetes.api.model.Service;
import java.util.Map;

/** Test-only cross-object rule: a Service whose selector matches no pod template in the index. */
@RuleInfo(id = "test-service-selects-nothing", severity = Severity.ERROR, category = "test",
        enabledByDefault = false, summary = "Test rule: Service selects no pods.",
        remediation = "Make spec.selector match the pod template labels of a workload.")
public final class TestServiceSelectsNothing implements ObjectRule {
    @Override
    public void check(ObjectContext ctx) {
        ctx.object().as(Service.class).ifPresent(svc -> {
            Map<String, String> selector = svc.getSpec() == null ? null : svc.getSpec().getSelector();
            if (selector == null || selector.isEmpty() || !ctx.index().coversWorkloads()) {
                return; // nothing to check, or the index cannot tell: stay silent
            }
            String ns = ctx.object().namespace();
            if (ctx.index().podTemplates(ns, labels -> LabelSelectors.matches(selector, labels)).isEmpty()) {
                ctx.report("spec.selector", "selector " + selector + " matches no workload in namespace " + ns);
            }
        });
    }
}
