package dev.palisade.rules.pss;

import dev.palisade.engine.RuleInfo;
import dev.palisade.model.PodSecurityLevel;
import dev.palisade.model.Severity;

@RuleInfo(id = "pss-proc-mount", severity = Severity.ERROR, category = "pod-security",
        summary = "Pod Security baseline, /proc Mount Type: a container unmasks /proc (procMount other than Default).",
        remediation = "Remove securityContext.procMount or set it to Default.")
public final class PssProcMount extends PssControl {
    public PssProcMount() {
        super(PodSecurityLevel.BASELINE, false);
    }

    @Override
    protected void check(PssPod pod) {
        for (PssPod.Container c : pod.containers()) {
            String procMount = PssPod.text(c.sc("procMount"));
            if (procMount != null && !procMount.equals("Default")) {
                pod.report(c.scPath("procMount"), c.describe() + " sets procMount: " + procMount
                        + ", which unmasks /proc; remove it or set it to Default");
            }
        }
    }
}
