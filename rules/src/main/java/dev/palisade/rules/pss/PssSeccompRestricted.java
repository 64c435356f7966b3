package dev.palisade.rules.pss;

import dev.palisade.engine.RuleInfo;
import dev.palisade.model.PodSecurityLevel;
import dev.palisade.model.Severity;
import java.util.Set;

@RuleInfo(id = "pss-seccomp-restricted", severity = Severity.WARNING, category = "pod-security",
        summary = "Pod Security restricted, Seccomp: no seccomp profile applies to a container, or one is "
                + "Unconfined; the pod or every container must set RuntimeDefault or Localhost (Linux pods only).",
        remediation = "Set spec.securityContext.seccompProfile.type: RuntimeDefault (it covers every container); "
                + "the seccomp.security.alpha.kubernetes.io annotations do not count.")
public final class PssSeccompRestricted extends PssControl {
    private static final Set<String> ALLOWED = Set.of("RuntimeDefault", "Localhost");
    /** Unconfined breaks the baseline control as well; pss-seccomp-baseline reports it, once. */
    private static final String BASELINE_OWNED = "Unconfined";

    public PssSeccompRestricted() {
        super(PodSecurityLevel.RESTRICTED, true);
    }

    @Override
    protected void check(PssPod pod) {
        String podType = PssPod.text(pod.podSc("seccompProfile", "type"));
        if (podType != null && !ALLOWED.contains(podType) && !podType.equals(BASELINE_OWNED)) {
            pod.report(pod.podScPath("seccompProfile", "type"), "the pod sets seccompProfile.type " + podType
                    + "; set it to RuntimeDefault or Localhost");
        }
        for (PssPod.Container c : pod.containers()) {
            String type = PssPod.text(c.sc("seccompProfile", "type"));
            if (type != null && !ALLOWED.contains(type) && !type.equals(BASELINE_OWNED)) {
                pod.report(c.scPath("seccompProfile", "type"), c.describe() + " sets seccompProfile.type " + type
                        + "; set it to RuntimeDefault or Localhost");
            } else if (type == null && podType == null) {
                // a wrong pod-level type is reported above: fixing it covers this container too
                pod.report(c.missingAt(), c.describe() + " has no seccomp profile; set "
                        + "spec.securityContext.seccompProfile.type: RuntimeDefault (or this container's)");
            }
        }
    }
}
