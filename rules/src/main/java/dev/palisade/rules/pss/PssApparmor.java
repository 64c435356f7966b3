package dev.palisade.rules.pss;

import com.fasterxml.jackson.databind.JsonNode;
import dev.palisade.engine.RuleInfo;
import dev.palisade.model.JsonPath;
import dev.palisade.model.PodSecurityLevel;
import dev.palisade.model.Severity;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

@RuleInfo(id = "pss-apparmor", severity = Severity.ERROR, category = "pod-security",
        summary = "Pod Security baseline, AppArmor: the pod overrides the default AppArmor profile with "
                + "Unconfined (securityContext.appArmorProfile.type or a "
                + "container.apparmor.security.beta.kubernetes.io/* annotation).",
        remediation = "Remove the override, or use appArmorProfile.type RuntimeDefault or Localhost (annotation "
                + "values runtime/default or localhost/<profile>).")
public final class PssApparmor extends PssControl {
    static final String ANNOTATION_PREFIX = "container.apparmor.security.beta.kubernetes.io/";
    private static final Set<String> ALLOWED_TYPES = Set.of("RuntimeDefault", "Localhost");

    public PssApparmor() {
        super(PodSecurityLevel.BASELINE, false);
    }

    @Override
    protected void check(PssPod pod) {
        checkProfile(pod, pod.podSc("appArmorProfile"), () -> pod.podScPath("appArmorProfile"), () -> "the pod");
        for (PssPod.Container c : pod.containers()) {
            checkProfile(pod, c.sc("appArmorProfile"), () -> c.scPath("appArmorProfile"), c::describe);
        }
        for (Map.Entry<String, JsonNode> a : pod.annotations(ANNOTATION_PREFIX)) {
            String value = PssPod.text(a.getValue());
            if (value != null && !value.equals("runtime/default") && !value.startsWith("localhost/")) {
                pod.report(pod.annotationPath(a.getKey()), "annotation " + a.getKey() + ": " + value
                        + " overrides the default AppArmor profile; use runtime/default or localhost/<profile>");
            }
        }
    }

    /**
     * An appArmorProfile that is written must name an allowed type (an empty one fails, as upstream).
     * {@code path} and {@code who} are built only for a finding.
     */
    private static void checkProfile(PssPod pod, JsonNode profile, Supplier<String> path, Supplier<String> who) {
        if (!PssPod.isSet(profile)) {
            return;
        }
        String type = PssPod.text(profile.path("type"));
        if (type == null || !ALLOWED_TYPES.contains(type)) {
            pod.report(type == null ? path.get() : JsonPath.child(path.get(), "type"), who.get() + " sets appArmorProfile.type "
                    + (type == null ? "to nothing" : type) + "; use RuntimeDefault or Localhost, or remove appArmorProfile");
        }
    }
}
