package dev.palisade.rules.selectors;

import com.fasterxml.jackson.databind.JsonNode;
import dev.palisade.engine.ObjectContext;
import dev.palisade.engine.ObjectRule;
import dev.palisade.engine.RuleInfo;
import dev.palisade.model.JsonPath;
import dev.palisade.model.ManifestObject;
import dev.palisade.model.PodTemplateView;
import dev.palisade.model.Severity;
import io.fabric8.kubernetes.api.model.ContainerPort;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

@RuleInfo(id = "service-target-port-unknown", severity = Severity.WARNING, category = "selectors",
        summary = "A Service port's targetPort (a number, a name, or the port itself when omitted) that no "
                + "container of the selected pods declares.",
        remediation = "Point targetPort at a containerPort (or its name) that the selected containers declare, "
                + "or declare that port in the container's ports.")
public final class ServiceTargetPortUnknown implements ObjectRule {
    /** How many selected workloads a message describes before it counts the rest. */
    private static final int NAMED = 3;

    @Override
    public void check(ObjectContext ctx) {
        ManifestObject service = ctx.object();
        if (!Services.routesToEndpoints(service)) {
            return;
        }
        Map<String, String> selector = Services.selector(service);
        String ns = service.namespace();
        if (selector.isEmpty() || !ctx.index().coversWorkloads(ns)) {
            return;
        }
        List<ManifestObject> selected = ctx.index().podTemplates(ns, selector);
        if (selected.isEmpty()) {
            return; // service-selector-no-match says so
        }
        Declared declared = Declared.of(selected);
        JsonNode ports = service.tree().path("spec").path("ports");
        for (int i = 0; ports.isArray() && i < ports.size(); i++) {
            checkPort(ctx, ports.get(i), JsonPath.index("spec.ports", i), declared);
        }
    }

    private static void checkPort(ObjectContext ctx, JsonNode port, String path, Declared declared) {
        JsonNode target = port.path("targetPort");
        if (target.isTextual()) {
            String name = target.asText();
            if (!declared.names.contains(name)) {
                ctx.report(JsonPath.child(path, "targetPort"), "targetPort '" + name + "' names no container port of "
                        + "the selected pods (" + declared.describe() + "); use a declared port name or number");
            }
            return;
        }
        boolean omitted = target.isMissingNode() || target.isNull();
        JsonNode number = omitted ? port.path("port") : target;
        // Pods that declare no ports say nothing about what they listen on: only judge numbers when they do.
        if (!number.isIntegralNumber() || declared.numbers.isEmpty() || declared.numbers.contains(number.asInt())) {
            return;
        }
        String field = omitted ? "port" : "targetPort";
        ctx.report(JsonPath.child(path, field), (omitted ? "targetPort is omitted, so it is port " : "targetPort ")
                + number.asInt() + ", which no container of the selected pods declares (" + declared.describe()
                + "); set targetPort to the port the container listens on");
    }

    /** The container ports the selected pod templates declare. */
    private record Declared(Set<Integer> numbers, Set<String> names, List<String> byWorkload) {
        static Declared of(List<ManifestObject> workloads) {
            Set<Integer> numbers = new LinkedHashSet<>();
            Set<String> names = new LinkedHashSet<>();
            List<String> byWorkload = new ArrayList<>();
            for (ManifestObject w : workloads) {
                List<String> ports = new ArrayList<>();
                PodTemplateView t = w.podTemplate().orElseThrow();
                for (PodTemplateView.ContainerAt c : t.allContainers()) {
                    if (c.container().getPorts() == null) {
                        continue;
                    }
                    for (ContainerPort p : c.container().getPorts()) {
                        if (p == null || p.getContainerPort() == null) {
                            continue;
                        }
                        numbers.add(p.getContainerPort());
                        if (p.getName() != null) {
                            names.add(p.getName());
                        }
                        ports.add(p.getContainerPort() + (p.getName() == null ? "" : " (" + p.getName() + ")"));
                    }
                }
                byWorkload.add(w.ref().display() + " declares " + (ports.isEmpty() ? "no ports" : String.join(", ", ports)));
            }
            return new Declared(numbers, names, byWorkload);
        }

        String describe() {
            return Selectors.firstFew(byWorkload, NAMED, "; ");
        }
    }
}
