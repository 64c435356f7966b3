package dev.palisade.rules.pss;

import dev.palisade.engine.RuleInfo;
import dev.palisade.model.PodSecurityLevel;
import dev.palisade.model.Severity;

@RuleInfo(id = "pss-host-process", severity = Severity.ERROR, category = "pod-security",
        summary = "Pod Security baseline, HostProcess: a Windows pod or container runs as a HostProcess container, "
                + "with privileged access to the Windows node.",
        remediation = "Remove securityContext.windowsOptions.hostProcess or set it to false.")
public final class PssHostProcess extends PssControl {
    public PssHostProcess() {
        super(PodSecurityLevel.BASELINE, false);
    }

    @Override
    protected void check(PssPod pod) {
        if (PssPod.isTrue(pod.podSc("windowsOptions", "hostProcess"))) {
            pod.report(pod.podScPath("windowsOptions", "hostProcess"),
                    "the pod runs HostProcess containers; remove windowsOptions.hostProcess or set it to false");
        }
        for (PssPod.Container c : pod.containers()) {
            if (PssPod.isTrue(c.sc("windowsOptions", "hostProcess"))) {
                pod.report(c.scPath("windowsOptions", "hostProcess"), c.describe()
                        + " is a HostProcess container; remove windowsOptions.hostProcess or set it to false");
            }
        }
    }
}
