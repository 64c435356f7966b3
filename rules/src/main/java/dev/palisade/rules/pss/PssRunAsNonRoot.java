package dev.palisade.rules.pss;

import com.fasterxml.jackson.databind.JsonNode;
import dev.palisade.engine.RuleInfo;
import dev.palisade.model.PodSecurityLevel;
import dev.palisade.model.Severity;

@RuleInfo(id = "pss-run-as-non-root", severity = Severity.WARNING, category = "pod-security",
        summary = "Pod Security restricted, Running as Non-root: a container may run as root because neither it "
                + "nor the pod sets runAsNonRoot: true, or one of them sets it to false.",
        remediation = "Set spec.securityContext.runAsNonRoot: true (it covers every container) and remove any "
                + "runAsNonRoot: false; build the image with a non-root USER.")
public final class PssRunAsNonRoot extends PssControl {
    public PssRunAsNonRoot() {
        super(PodSecurityLevel.RESTRICTED, false);
    }

    @Override
    protected void check(PssPod pod) {
        JsonNode podLevel = pod.podSc("runAsNonRoot");
        if (podLevel.isBoolean() && !podLevel.booleanValue()) {
            pod.report(pod.podScPath("runAsNonRoot"), "the pod sets runAsNonRoot: false; set it to true");
        }
        boolean podSaysNonRoot = PssPod.isTrue(podLevel);
        for (PssPod.Container c : pod.containers()) {
            JsonNode value = c.sc("runAsNonRoot");
            if (PssPod.isTrue(value)) {
                continue;
            }
            if (PssPod.isSet(value)) {
                pod.report(c.scPath("runAsNonRoot"), c.describe() + " sets runAsNonRoot: " + value.asText()
                        + "; set it to true or remove it when the pod sets it");
            } else if (!podSaysNonRoot) {
                pod.report(c.missingAt(), c.describe() + " may run as root; set runAsNonRoot: true in the pod's "
                        + "securityContext (or this container's)");
            }
        }
    }
}
