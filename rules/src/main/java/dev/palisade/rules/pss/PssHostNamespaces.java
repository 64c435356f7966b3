package dev.palisade.rules.pss;

import dev.palisade.engine.RuleInfo;
import dev.palisade.model.PodSecurityLevel;
import dev.palisade.model.Severity;
import java.util.Map;

@RuleInfo(id = "pss-host-namespaces", severity = Severity.ERROR, category = "pod-security",
        summary = "Pod Security baseline, Host Namespaces: the pod shares the node's network, PID or IPC namespace "
                + "(hostNetwork, hostPID, hostIPC).",
        remediation = "Remove spec.hostNetwork, spec.hostPID and spec.hostIPC or set them to false; expose ports "
                + "through a Service instead of the host network.")
public final class PssHostNamespaces extends PssControl {
    private static final Map<String, String> FIELDS = Map.of(
            "hostNetwork", "the node's network namespace",
            "hostPID", "the node's process namespace",
            "hostIPC", "the node's IPC namespace");

    public PssHostNamespaces() {
        super(PodSecurityLevel.BASELINE, false);
    }

    @Override
    protected void check(PssPod pod) {
        for (String field : new String[] {"hostNetwork", "hostPID", "hostIPC"}) {
            if (PssPod.isTrue(pod.spec().path(field))) {
                pod.report(pod.specPath(field), field + ": true shares " + FIELDS.get(field)
                        + " with the pod; remove it or set it to false");
            }
        }
    }
}
