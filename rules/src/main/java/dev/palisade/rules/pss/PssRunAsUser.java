package dev.palisade.rules.pss;

import com.fasterxml.jackson.databind.JsonNode;
import dev.palisade.engine.RuleInfo;
import dev.palisade.model.PodSecurityLevel;
import dev.palisade.model.Severity;

@RuleInfo(id = "pss-run-as-user", severity = Severity.WARNING, category = "pod-security",
        summary = "Pod Security restricted, Running as Non-root user: the pod or a container sets runAsUser: 0 (root).",
        remediation = "Set runAsUser to a non-zero UID, or remove it and let the image's non-root USER apply.")
public final class PssRunAsUser extends PssControl {
    public PssRunAsUser() {
        super(PodSecurityLevel.RESTRICTED, false);
    }

    @Override
    protected void check(PssPod pod) {
        if (isRoot(pod.podSc("runAsUser"))) {
            pod.report(pod.podScPath("runAsUser"), "the pod runs as root (runAsUser: 0); set a non-zero UID");
        }
        for (PssPod.Container c : pod.containers()) {
            if (isRoot(c.sc("runAsUser"))) {
                pod.report(c.scPath("runAsUser"), c.describe() + " runs as root (runAsUser: 0); set a non-zero UID");
            }
        }
    }

    private static boolean isRoot(JsonNode uid) {
        return uid.isIntegralNumber() && uid.longValue() == 0;
    }
}
