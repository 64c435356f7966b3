package dev.palisade.rules.pss;

import com.fasterxml.jackson.databind.JsonNode;
import dev.palisade.engine.RuleInfo;
import dev.palisade.model.JsonPath;
import dev.palisade.model.PodSecurityLevel;
import dev.palisade.model.Severity;

@RuleInfo(id = "pss-hostpath-volumes", severity = Severity.ERROR, category = "pod-security",
        summary = "Pod Security baseline, HostPath Volumes: the pod mounts a directory of the node.",
        remediation = "Replace the hostPath volume with a PersistentVolumeClaim, emptyDir, configMap or secret "
                + "volume; node agents that need the host belong in a privileged namespace.")
public final class PssHostpathVolumes extends PssControl {
    public PssHostpathVolumes() {
        super(PodSecurityLevel.BASELINE, false);
    }

    @Override
    protected void check(PssPod pod) {
        JsonNode volumes = pod.spec().path("volumes");
        for (int i = 0; volumes.isArray() && i < volumes.size(); i++) {
            JsonNode v = volumes.get(i);
            if (PssPod.isSet(v.path("hostPath"))) {
                String name = PssPod.text(v.path("name"));
                pod.report(JsonPath.child(JsonPath.index(pod.specPath("volumes"), i), "hostPath"), "volume '" + name
                        + "' mounts the node's " + PssPod.text(v.path("hostPath").path("path"))
                        + "; use a PersistentVolumeClaim, emptyDir, configMap or secret volume instead");
            }
        }
    }
}
