package dev.palisade.rules.pss;

import com.fasterxml.jackson.databind.JsonNode;
import dev.palisade.engine.RuleInfo;
import dev.palisade.model.JsonPath;
import dev.palisade.model.PodSecurityLevel;
import dev.palisade.model.Severity;
import java.util.Map;

@RuleInfo(id = "pss-sysctls", severity = Severity.ERROR, category = "pod-security",
        summary = "Pod Security baseline, Sysctls: the pod sets a sysctl outside the safe, namespaced set.",
        remediation = "Remove the sysctl from spec.securityContext.sysctls; only kernel.shm_rmid_forced, "
                + "net.ipv4.ip_local_port_range, net.ipv4.ip_unprivileged_port_start, net.ipv4.tcp_syncookies, "
                + "net.ipv4.ping_group_range, net.ipv4.ip_local_reserved_ports, net.ipv4.tcp_keepalive_time, "
                + "net.ipv4.tcp_fin_timeout, net.ipv4.tcp_keepalive_intvl and net.ipv4.tcp_keepalive_probes are safe.")
public final class PssSysctls extends PssControl {
    /** Safe sysctls and the Kubernetes minor version that made each safe. */
    private static final Map<String, Integer> SAFE = Map.ofEntries(
            Map.entry("kernel.shm_rmid_forced", 0),
            Map.entry("net.ipv4.ip_local_port_range", 0),
            Map.entry("net.ipv4.ip_unprivileged_port_start", 0),
            Map.entry("net.ipv4.tcp_syncookies", 0),
            Map.entry("net.ipv4.ping_group_range", 0),
            Map.entry("net.ipv4.ip_local_reserved_ports", 27),
            Map.entry("net.ipv4.tcp_keepalive_time", 29),
            Map.entry("net.ipv4.tcp_fin_timeout", 29),
            Map.entry("net.ipv4.tcp_keepalive_intvl", 29),
            Map.entry("net.ipv4.tcp_keepalive_probes", 29));

    public PssSysctls() {
        super(PodSecurityLevel.BASELINE, false);
    }

    @Override
    protected void check(PssPod pod) {
        JsonNode sysctls = pod.podSc("sysctls");
        int minor = pod.kubernetesMinor().orElse(Integer.MAX_VALUE);
        for (int i = 0; sysctls.isArray() && i < sysctls.size(); i++) {
            String name = PssPod.text(sysctls.get(i).path("name"));
            Integer since = name == null ? null : SAFE.get(name);
            if (name != null && (since == null || since > minor)) {
                pod.report(JsonPath.child(JsonPath.index(pod.podScPath("sysctls"), i), "name"), "sysctl " + name
                        + (since == null ? " is not in the safe set" : " is only safe from Kubernetes 1." + since)
                        + "; remove it from securityContext.sysctls");
            }
        }
    }
}
