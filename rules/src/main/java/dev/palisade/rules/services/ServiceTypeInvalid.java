package dev.palisade.rules.services;

import com.fasterxml.jackson.databind.JsonNode;
import dev.palisade.engine.ObjectContext;
import dev.palisade.engine.ObjectRule;
import dev.palisade.engine.RuleInfo;
import dev.palisade.model.Severity;
import java.util.Locale;

@RuleInfo(id = "service-type-invalid", severity = Severity.ERROR, category = "services",
        summary = "A Service type that is not ClusterIP, NodePort, LoadBalancer or ExternalName (the values are "
                + "case-sensitive); the API server rejects the Service.",
        remediation = "Write one of ClusterIP, NodePort, LoadBalancer, ExternalName exactly; for a headless "
                + "Service keep type ClusterIP and set clusterIP: None.")
public final class ServiceTypeInvalid implements ObjectRule {
    @Override
    public void check(ObjectContext ctx) {
        if (!ServiceSpecs.isService(ctx.object()) || ServiceSpecs.type(ctx.object()).isPresent()) {
            return;
        }
        JsonNode type = ServiceSpecs.spec(ctx.object()).path("type");
        String text = type.isValueNode() ? type.asText() : type.toString();
        ctx.report("spec.type", "Service type '" + text + "' is not valid; " + advice(text));
    }

    /** What the author most likely meant. */
    static String advice(String written) {
        String t = written.trim().toLowerCase(Locale.ROOT);
        if (t.equals("headless") || t.equals("none")) {
            return "a headless Service is type ClusterIP with clusterIP: None";
        }
        for (String type : ServiceSpecs.TYPES) {
            String candidate = type.toLowerCase(Locale.ROOT);
            if (candidate.equals(t.replace(" ", "").replace("-", "").replace("_", ""))
                    || editDistance(candidate, t) <= 2) {
                return "did you mean " + type + "? (types are case-sensitive)";
            }
        }
        return "use ClusterIP, NodePort, LoadBalancer or ExternalName";
    }

    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
