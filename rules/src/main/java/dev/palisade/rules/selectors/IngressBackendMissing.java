package dev.palisade.rules.selectors;

import com.fasterxml.jackson.databind.JsonNode;
import dev.palisade.engine.ObjectContext;
import dev.palisade.engine.ObjectRule;
import dev.palisade.engine.RuleInfo;
import dev.palisade.model.JsonPath;
import dev.palisade.model.ManifestObject;
import dev.palisade.model.Severity;
import java.util.ArrayList;
import java.util.List;

@RuleInfo(id = "ingress-backend-missing", severity = Severity.WARNING, category = "selectors",
        summary = "An Ingress backend (a rule path or the default backend) that names a Service absent from its "
                + "namespace, or a port that Service does not expose: requests get 503s.",
        remediation = "Point backend.service.name at a Service in the Ingress's namespace and backend.service.port "
                + "at one of its spec.ports (by port number or by name).")
public final class IngressBackendMissing implements ObjectRule {
    @Override
    public void check(ObjectContext ctx) {
        ManifestObject ingress = ctx.object();
        String group = ingress.ref().group();
        if (!"Ingress".equals(ingress.kind()) || !(group.equals("networking.k8s.io") || group.equals("extensions"))
                || !ctx.index().covers("Service", ingress.namespace())) {
            return;
        }
        JsonNode spec = ingress.tree().path("spec");
        checkBackend(ctx, spec.path("defaultBackend"), "spec.defaultBackend");
        checkBackend(ctx, spec.path("backend"), "spec.backend"); // v1beta1
        JsonNode rules = spec.path("rules");
        for (int i = 0; rules.isArray() && i < rules.size(); i++) {
            JsonNode paths = rules.get(i).path("http").path("paths");
            for (int j = 0; paths.isArray() && j < paths.size(); j++) {
                String path = JsonPath.child(JsonPath.index(
                        JsonPath.child(JsonPath.child(JsonPath.index("spec.rules", i), "http"), "paths"), j), "backend");
                checkBackend(ctx, paths.get(j).path("backend"), path);
            }
        }
    }

    /** A backend as networking.k8s.io/v1 writes it (service.name, service.port) or as v1beta1 did. */
    private static void checkBackend(ObjectContext ctx, JsonNode backend, String path) {
        if (backend.path("service").isObject()) {
            JsonNode service = backend.path("service");
            String servicePath = JsonPath.child(path, "service");
            JsonNode port = service.path("port");
            String portPath = JsonPath.child(servicePath, "port");
            check(ctx, service.path("name"), JsonPath.child(servicePath, "name"),
                    port.has("number") ? port.path("number") : port.path("name"),
                    JsonPath.child(portPath, port.has("number") ? "number" : "name"));
        } else if (backend.has("serviceName")) {
            check(ctx, backend.path("serviceName"), JsonPath.child(path, "serviceName"),
                    backend.path("servicePort"), JsonPath.child(path, "servicePort"));
        }
    }

    private static void check(ObjectContext ctx, JsonNode name, String namePath, JsonNode port, String portPath) {
        if (!name.isTextual()) {
            return;
        }
        String ns = ctx.object().namespace();
        ManifestObject service = ctx.index().get("Service", ns, name.asText()).orElse(null);
        if (service == null) {
            ctx.report(namePath, "backend Service '" + name.asText() + "' is not in namespace " + ns
                    + "; name a Service of the Ingress's namespace");
            return;
        }
        JsonNode ports = service.tree().path("spec").path("ports");
        if (!ports.isArray() || ports.isEmpty() || !(port.isIntegralNumber() || port.isTextual())) {
            return; // ExternalName Services need no ports; a missing port is a schema finding
        }
        List<String> exposed = new ArrayList<>();
        for (JsonNode p : ports) {
            boolean match = port.isIntegralNumber() ? p.path("port").asInt(-1) == port.asInt()
                    : port.asText().equals(p.path("name").asText(null));
            if (match) {
                return;
            }
            exposed.add(p.path("port").asText("?") + (p.has("name") ? " (" + p.path("name").asText() + ")" : ""));
        }
        ctx.report(portPath, "Service " + name.asText() + " has no port " + (port.isTextual() ? "named '" : "")
                + port.asText() + (port.isTextual() ? "'" : "") + "; it exposes " + String.join(", ", exposed));
    }
}
