package dev.palisade.rules.pss;

import com.fasterxml.jackson.databind.JsonNode;
import dev.palisade.engine.RuleInfo;
import dev.palisade.model.JsonPath;
import dev.palisade.model.PodSecurityLevel;
import dev.palisade.model.Severity;
import java.util.List;
import java.util.function.Supplier;

@RuleInfo(id = "pss-selinux", severity = Severity.ERROR, category = "pod-security",
        summary = "Pod Security baseline, SELinux: seLinuxOptions sets a type outside container_t, container_init_t, "
                + "container_kvm_t, container_engine_t, or sets a custom user or role.",
        remediation = "Remove seLinuxOptions.user and .role, and leave .type empty or set it to one of the "
                + "container types.")
public final class PssSelinux extends PssControl {
    /** container_engine_t joined in Kubernetes 1.31. */
    private static final List<String> TYPES = List.of("container_t", "container_init_t", "container_kvm_t");
    private static final String ENGINE_TYPE = "container_engine_t";

    public PssSelinux() {
        super(PodSecurityLevel.BASELINE, false);
    }

    @Override
    protected void check(PssPod pod) {
        checkOptions(pod, pod.podSc("seLinuxOptions"), () -> pod.podScPath("seLinuxOptions"), () -> "the pod");
        for (PssPod.Container c : pod.containers()) {
            checkOptions(pod, c.sc("seLinuxOptions"), () -> c.scPath("seLinuxOptions"), c::describe);
        }
    }

    /** {@code path} and {@code who} are built only for a finding: most pods have nothing to report. */
    private static void checkOptions(PssPod pod, JsonNode options, Supplier<String> path, Supplier<String> who) {
        String type = PssPod.text(options.path("type"));
        if (type != null && !type.isEmpty() && !allowedType(pod, type)) {
            pod.report(JsonPath.child(path.get(), "type"), who.get() + " sets SELinux type " + type + "; use "
                    + String.join(", ", TYPES) + (engineTypeAllowed(pod) ? " or " + ENGINE_TYPE : "")
                    + ", or remove seLinuxOptions.type");
        }
        for (String field : new String[] {"user", "role"}) {
            String value = PssPod.text(options.path(field));
            if (value != null && !value.isEmpty()) {
                pod.report(JsonPath.child(path.get(), field), who.get() + " sets a custom SELinux " + field + " (" + value
                        + "); remove seLinuxOptions." + field);
            }
        }
    }

    private static boolean allowedType(PssPod pod, String type) {
        return TYPES.contains(type) || (type.equals(ENGINE_TYPE) && engineTypeAllowed(pod));
    }

    private static boolean engineTypeAllowed(PssPod pod) {
        return pod.kubernetesMinor().orElse(Integer.MAX_VALUE) >= 31;
    }
}
