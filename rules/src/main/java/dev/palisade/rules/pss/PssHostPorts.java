package dev.palisade.rules.pss;

import com.fasterxml.jackson.databind.JsonNode;
import dev.palisade.engine.RuleInfo;
import dev.palisade.model.JsonPath;
import dev.palisade.model.PodSecurityLevel;
import dev.palisade.model.Severity;
import java.util.List;

@RuleInfo(id = "pss-host-ports", severity = Severity.ERROR, category = "pod-security",
        summary = "Pod Security baseline, Host Ports: a container binds a port of the node (ports[].hostPort).",
        remediation = "Remove hostPort (or set it to 0) and expose the port through a Service; list ports that "
                + "must stay in the 'allowed' parameter.",
        params = @RuleInfo.Param(name = "allowed", type = RuleInfo.ParamType.STRING_LIST, defaultValue = "",
                description = "Host port numbers that are allowed (the standard's 'known list'); none by default, "
                        + "as the built-in Pod Security admission controller allows none."))
public final class PssHostPorts extends PssControl {
    public PssHostPorts() {
        super(PodSecurityLevel.BASELINE, false);
    }

    @Override
    protected void check(PssPod pod) {
        List<String> allowed = pod.params().list("allowed");
        for (PssPod.Container c : pod.containers()) {
            JsonNode ports = c.node().path("ports");
            for (int i = 0; ports.isArray() && i < ports.size(); i++) {
                JsonNode hostPort = ports.get(i).path("hostPort");
                if (hostPort.isIntegralNumber() && hostPort.longValue() != 0
                        && !allowed.contains(Long.toString(hostPort.longValue()))) {
                    pod.report(JsonPath.child(JsonPath.index(JsonPath.child(c.path(), "ports"), i), "hostPort"),
                            c.describe() + " binds host port " + hostPort.longValue()
                                    + "; remove hostPort and expose the port through a Service"
                                    + (allowed.isEmpty() ? "" : " (allowed host ports: " + allowed + ")"));
                }
            }
        }
    }
}
