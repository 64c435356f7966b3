package dev.palisade.rules.selectors;

import com.fasterxml.jackson.databind.JsonNode;
import dev.palisade.engine.ObjectContext;
import dev.palisade.engine.ObjectRule;
import dev.palisade.engine.RuleInfo;
import dev.palisade.model.LabelSelectors;
import dev.palisade.model.ManifestObject;
import dev.palisade.model.PodTemplateView;
import dev.palisade.model.Severity;
import io.fabric8.kubernetes.api.model.LabelSelector;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

@RuleInfo(id = "selector-template-mismatch", severity = Severity.ERROR, category = "selectors",
        summary = "A workload's spec.selector does not select its own pod template, or is missing where the "
                + "API requires one (apps/v1 Deployment, ReplicaSet, StatefulSet, DaemonSet).",
        remediation = "Make spec.selector.matchLabels a subset of spec.template.metadata.labels (and every "
                + "matchExpression true for them); the API server rejects the object otherwise.")
public final class SelectorTemplateMismatch implements ObjectRule {
    @Override
    public void check(ObjectContext ctx) {
        ManifestObject o = ctx.object();
        PodTemplateView template = ctx.podTemplate().orElse(null);
        if (template == null) {
            return;
        }
        JsonNode selector = o.tree().path("spec").path("selector");
        if (ControllerSelectors.isAppsController(o)) {
            // apps/v1 requires it; older groups defaulted it from the template labels
            checkSetBased(ctx, template, selector, "apps/v1".equals(o.ref().apiVersion()));
        } else if (ControllerSelectors.isRollout(o) || ControllerSelectors.isManualSelectorJob(o)) {
            checkSetBased(ctx, template, selector, true);
        } else if (ControllerSelectors.isReplicationController(o) && selector.isObject() && !selector.isEmpty()) {
            // an absent selector defaults to the template labels
            report(ctx, template, Selectors.unmet(Selectors.equalitySelector(selector), "spec.selector", template.labels()));
        }
    }

    private static void checkSetBased(ObjectContext ctx, PodTemplateView template, JsonNode node, boolean required) {
        String kind = ctx.object().kind();
        if (node.isMissingNode() || node.isNull()) {
            if (required) {
                ctx.report("spec.selector", kind + " has no spec.selector, which " + ctx.object().ref().apiVersion()
                        + " requires; add " + suggestion(template.labels()));
            }
            return;
        }
        LabelSelector selector = Selectors.labelSelector(node).orElse(null);
        if (selector == null) {
            return; // malformed: a type or schema finding of its own
        }
        if (LabelSelectors.isEmpty(selector)) {
            if (required) {
                ctx.report("spec.selector", kind + " has an empty spec.selector, which the API server rejects; "
                        + "add " + suggestion(template.labels()));
            }
            return;
        }
        report(ctx, template, Selectors.unmet(selector, "spec.selector", template.labels()));
    }

    private static void report(ObjectContext ctx, PodTemplateView template, List<Selectors.Unmet> unmet) {
        if (unmet.isEmpty()) {
            return;
        }
        String requirements = unmet.stream().map(Selectors.Unmet::requirement).collect(Collectors.joining(", "));
        ctx.report(unmet.get(0).path(), "spec.selector requires " + requirements + " but the pod template labels ("
                + template.labelsPath() + ") are " + Selectors.describeLabels(template.labels())
                + "; make the selector and the template labels agree");
    }

    private static String suggestion(Map<String, String> labels) {
        if (labels.isEmpty()) {
            return "labels to the pod template and a spec.selector.matchLabels that selects them";
        }
        return "spec.selector.matchLabels with the template labels (" + Selectors.describeLabels(labels) + ")";
    }
}
