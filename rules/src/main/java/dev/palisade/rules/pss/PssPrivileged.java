package dev.palisade.rules.pss;

import dev.palisade.engine.RuleInfo;
import dev.palisade.model.PodSecurityLevel;
import dev.palisade.model.Severity;

@RuleInfo(id = "pss-privileged", severity = Severity.ERROR, category = "pod-security",
        summary = "Pod Security baseline, Privileged Containers: a container runs privileged, which disables most "
                + "isolation between it and the node.",
        remediation = "Remove securityContext.privileged or set it to false; grant only the capabilities the "
                + "container needs.")
public final class PssPrivileged extends PssControl {
    public PssPrivileged() {
        super(PodSecurityLevel.BASELINE, false);
    }

    @Override
    protected void check(PssPod pod) {
        for (PssPod.Container c : pod.containers()) {
            if (PssPod.isTrue(c.sc("privileged"))) {
                pod.report(c.scPath("privileged"), c.describe()
                        + " runs privileged; remove securityContext.privileged or set it to false");
            }
        }
    }
}
