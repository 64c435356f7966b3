package dev.palisade.rules.selectors;

import dev.palisade.engine.ObjectContext;
import dev.palisade.engine.ObjectRule;
import dev.palisade.engine.RuleInfo;
import dev.palisade.index.ObjectIndex;
import dev.palisade.model.ManifestObject;
import dev.palisade.model.Severity;

@RuleInfo(id = "service-selector-missing", severity = Severity.WARNING, category = "selectors",
        summary = "A Service (not ExternalName) without a selector and without Endpoints or an EndpointSlice "
                + "of its own in the set: nothing will ever receive its traffic.",
        remediation = "Add spec.selector with the labels of the pods to serve; for endpoints managed by hand, "
                + "add an EndpointSlice labelled kubernetes.io/service-name: <service>; for a DNS alias use "
                + "type: ExternalName.")
public final class ServiceSelectorMissing implements ObjectRule {
    /** The label that ties an EndpointSlice to its Service. */
    static final String SERVICE_NAME_LABEL = "kubernetes.io/service-name";

    @Override
    public void check(ObjectContext ctx) {
        ManifestObject service = ctx.object();
        if (!Services.routesToEndpoints(service) || !Services.hasNoSelector(service)
                || service.name() == null) {
            return;
        }
        String ns = service.namespace();
        ObjectIndex index = ctx.index();
        if (!index.covers("Endpoints", ns) || !index.covers("EndpointSlice", ns) || hasEndpoints(index, service)) {
            return;
        }
        ctx.report("spec.selector", "Service " + service.name() + " has no selector and no Endpoints or EndpointSlice "
                + "(label " + SERVICE_NAME_LABEL + ": " + service.name() + ") in namespace " + ns
                + "; add spec.selector with the labels of the pods it should reach");
    }

    private static boolean hasEndpoints(ObjectIndex index, ManifestObject service) {
        String ns = service.namespace();
        return index.get("Endpoints", ns, service.name()).isPresent()
                || index.list("EndpointSlice", ns).stream().anyMatch(slice -> service.name().equals(
                        slice.tree().path("metadata").path("labels").path(SERVICE_NAME_LABEL).asText(null)));
    }
}
