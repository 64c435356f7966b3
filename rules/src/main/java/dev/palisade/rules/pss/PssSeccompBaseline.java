package dev.palisade.rules.pss;

import com.fasterxml.jackson.databind.JsonNode;
import dev.palisade.engine.RuleInfo;
import dev.palisade.model.PodSecurityLevel;
import dev.palisade.model.Severity;
import java.util.Map;

@RuleInfo(id = "pss-seccomp-baseline", severity = Severity.ERROR, category = "pod-security",
        summary = "Pod Security baseline, Seccomp: the pod or a container explicitly turns seccomp off "
                + "(seccompProfile.type Unconfined, or the pre-1.19 annotation value unconfined).",
        remediation = "Set seccompProfile.type to RuntimeDefault (or Localhost with a profile), or remove it; drop "
                + "the seccomp.security.alpha.kubernetes.io annotations.")
public final class PssSeccompBaseline extends PssControl {
    static final String POD_ANNOTATION = "seccomp.security.alpha.kubernetes.io/pod";
    static final String CONTAINER_ANNOTATION_PREFIX = "container.seccomp.security.alpha.kubernetes.io/";

    public PssSeccompBaseline() {
        super(PodSecurityLevel.BASELINE, false);
    }

    @Override
    protected void check(PssPod pod) {
        if ("Unconfined".equals(PssPod.text(pod.podSc("seccompProfile", "type")))) {
            pod.report(pod.podScPath("seccompProfile", "type"),
                    "the pod turns seccomp off; set seccompProfile.type to RuntimeDefault or Localhost");
        }
        for (PssPod.Container c : pod.containers()) {
            if ("Unconfined".equals(PssPod.text(c.sc("seccompProfile", "type")))) {
                pod.report(c.scPath("seccompProfile", "type"), c.describe()
                        + " turns seccomp off; set seccompProfile.type to RuntimeDefault or Localhost");
            }
        }
        for (String prefix : new String[] {POD_ANNOTATION, CONTAINER_ANNOTATION_PREFIX}) {
            for (Map.Entry<String, JsonNode> a : pod.annotations(prefix)) {
                if ("unconfined".equals(PssPod.text(a.getValue()))) {
                    pod.report(pod.annotationPath(a.getKey()), "annotation " + a.getKey()
                            + ": unconfined turns seccomp off; remove it and set securityContext.seccompProfile.type "
                            + "to RuntimeDefault");
                }
            }
        }
    }
}
