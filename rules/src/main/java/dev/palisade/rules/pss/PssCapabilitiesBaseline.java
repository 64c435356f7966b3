package dev.palisade.rules.pss;

import com.fasterxml.jackson.databind.JsonNode;
import dev.palisade.engine.RuleInfo;
import dev.palisade.model.JsonPath;
import dev.palisade.model.PodSecurityLevel;
import dev.palisade.model.Severity;
import java.util.Set;

@RuleInfo(id = "pss-capabilities-baseline", severity = Severity.ERROR, category = "pod-security",
        summary = "Pod Security baseline, Capabilities: a container adds a Linux capability beyond the runtime's "
                + "default set (AUDIT_WRITE, CHOWN, DAC_OVERRIDE, FOWNER, FSETID, KILL, MKNOD, NET_BIND_SERVICE, "
                + "SETFCAP, SETGID, SETPCAP, SETUID, SYS_CHROOT).",
        remediation = "Remove the capability from securityContext.capabilities.add; if the workload truly needs it, "
                + "run it in a namespace labelled pod-security.kubernetes.io/enforce: privileged.")
public final class PssCapabilitiesBaseline extends PssControl {
    static final Set<String> ALLOWED = Set.of("AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "KILL",
            "MKNOD", "NET_BIND_SERVICE", "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT");

    public PssCapabilitiesBaseline() {
        super(PodSecurityLevel.BASELINE, false);
    }

    @Override
    protected void check(PssPod pod) {
        for (PssPod.Container c : pod.containers()) {
            JsonNode add = c.sc("capabilities", "add");
            for (int i = 0; add.isArray() && i < add.size(); i++) {
                String cap = PssPod.text(add.get(i));
                if (cap != null && !ALLOWED.contains(cap)) {
                    pod.report(JsonPath.index(c.scPath("capabilities", "add"), i), c.describe() + " adds capability "
                            + cap + ", beyond the baseline set; remove it from capabilities.add");
                }
            }
        }
    }
}
