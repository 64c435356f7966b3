package dev.palisade.rules.pss;

import com.fasterxml.jackson.databind.JsonNode;
import dev.palisade.engine.RuleInfo;
import dev.palisade.model.JsonPath;
import dev.palisade.model.PodSecurityLevel;
import dev.palisade.model.Severity;

@RuleInfo(id = "pss-capabilities-restricted", severity = Severity.WARNING, category = "pod-security",
        summary = "Pod Security restricted, Capabilities: a container does not drop ALL capabilities, or adds back "
                + "one other than NET_BIND_SERVICE (Linux pods only; adds beyond the baseline set are left to "
                + "pss-capabilities-baseline).",
        remediation = "Set securityContext.capabilities.drop: [ALL] on every container and add back at most "
                + "NET_BIND_SERVICE.")
public final class PssCapabilitiesRestricted extends PssControl {
    public PssCapabilitiesRestricted() {
        super(PodSecurityLevel.RESTRICTED, true);
    }

    @Override
    protected void check(PssPod pod) {
        for (PssPod.Container c : pod.containers()) {
            checkDrop(pod, c);
            JsonNode add = c.sc("capabilities", "add");
            for (int i = 0; add.isArray() && i < add.size(); i++) {
                String cap = PssPod.text(add.get(i));
                // capabilities beyond the baseline set are pss-capabilities-baseline's: one finding per node
                if (cap != null && !cap.equals("NET_BIND_SERVICE") && PssCapabilitiesBaseline.ALLOWED.contains(cap)) {
                    pod.report(JsonPath.index(c.scPath("capabilities", "add"), i), c.describe() + " adds capability "
                            + cap + "; the restricted profile allows adding only NET_BIND_SERVICE");
                }
            }
        }
    }

    private static void checkDrop(PssPod pod, PssPod.Container c) {
        JsonNode drop = c.sc("capabilities", "drop");
        if (drop.isArray()) {
            for (JsonNode cap : drop) {
                if ("ALL".equals(PssPod.text(cap))) {
                    return;
                }
            }
            pod.report(c.scPath("capabilities", "drop"), c.describe() + " does not drop ALL capabilities; "
                    + "set capabilities.drop: [ALL]");
            return;
        }
        String at = c.sc("capabilities").isObject() ? c.scPath("capabilities") : c.missingAt();
        pod.report(at, c.describe() + " keeps the default capabilities; set securityContext.capabilities.drop: [ALL]");
    }
}
