package dev.palisade.rules.pss;

import com.fasterxml.jackson.databind.JsonNode;
import dev.palisade.engine.RuleInfo;
import dev.palisade.model.PodSecurityLevel;
import dev.palisade.model.Severity;

@RuleInfo(id = "pss-privilege-escalation", severity = Severity.WARNING, category = "pod-security",
        summary = "Pod Security restricted, Privilege Escalation: a container does not set "
                + "allowPrivilegeEscalation: false, so set-user-ID binaries can gain privileges (Linux pods only).",
        remediation = "Set securityContext.allowPrivilegeEscalation: false on every container, init container and "
                + "ephemeral container.")
public final class PssPrivilegeEscalation extends PssControl {
    public PssPrivilegeEscalation() {
        super(PodSecurityLevel.RESTRICTED, true);
    }

    @Override
    protected void check(PssPod pod) {
        for (PssPod.Container c : pod.containers()) {
            JsonNode value = c.sc("allowPrivilegeEscalation");
            if (value.isBoolean() && !value.booleanValue()) {
                continue;
            }
            if (PssPod.isTrue(c.sc("privileged"))) {
                // the API server rejects allowPrivilegeEscalation: false next to privileged: true
                pod.report(PssPod.isSet(value) ? c.scPath("allowPrivilegeEscalation") : c.missingAt(), c.describe()
                        + " runs privileged, which always allows privilege escalation; remove privileged: true, "
                        + "then set allowPrivilegeEscalation: false");
            } else if (PssPod.isSet(value)) {
                pod.report(c.scPath("allowPrivilegeEscalation"), c.describe()
                        + " allows privilege escalation; set allowPrivilegeEscalation: false");
            } else {
                pod.report(c.missingAt(), c.describe()
                        + " does not forbid privilege escalation; set securityContext.allowPrivilegeEscalation: false");
            }
        }
    }
}
