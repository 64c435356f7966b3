package dev.palisade.rules.pss;

import com.fasterxml.jackson.databind.JsonNode;
import dev.palisade.engine.RuleInfo;
import dev.palisade.model.JsonPath;
import dev.palisade.model.PodSecurityLevel;
import dev.palisade.model.Severity;

@RuleInfo(id = "pss-host-probes", severity = Severity.ERROR, category = "pod-security",
        summary = "Pod Security baseline (Kubernetes 1.34+), Host Probes / Lifecycle Hooks: a probe or lifecycle "
                + "hook sets httpGet.host or tcpSocket.host, making the kubelet connect to another host.",
        remediation = "Remove the host field so the kubelet probes the pod's own IP; check other hosts from "
                + "inside the container (an exec probe) if you must.")
public final class PssHostProbes extends PssControl {
    /** The control joined the baseline profile in Kubernetes 1.34. */
    private static final int SINCE_MINOR = 34;
    private static final String[] PROBES = {"livenessProbe", "readinessProbe", "startupProbe"};
    private static final String[] HOOKS = {"postStart", "preStop"};
    private static final String[] HANDLERS = {"httpGet", "tcpSocket"};

    public PssHostProbes() {
        super(PodSecurityLevel.BASELINE, false);
    }

    @Override
    protected void check(PssPod pod) {
        if (pod.kubernetesMinor().orElse(Integer.MAX_VALUE) < SINCE_MINOR) {
            return;
        }
        for (PssPod.Container c : pod.containers()) {
            for (String probe : PROBES) {
                checkHandler(pod, c, c.node().path(probe), probe);
            }
            for (String hook : HOOKS) {
                checkHandler(pod, c, c.node().path("lifecycle").path(hook), "lifecycle." + hook);
            }
        }
    }

    /** {@code field}: the handler's dotted place in the container, e.g. {@code lifecycle.preStop}. */
    private static void checkHandler(PssPod pod, PssPod.Container c, JsonNode handler, String field) {
        for (String type : HANDLERS) {
            String host = PssPod.text(handler.path(type).path("host"));
            if (host != null && !host.isEmpty()) {
                String path = c.path();
                for (String key : field.split("\\.")) {
                    path = JsonPath.child(path, key);
                }
                pod.report(JsonPath.child(JsonPath.child(path, type), "host"), c.describe() + " " + field + "."
                        + type + " targets host " + host + "; remove host so the kubelet connects to the pod itself");
            }
        }
    }
}
