package dev.palisade.rules.config;

import dev.palisade.engine.ObjectContext;
import dev.palisade.engine.ObjectRule;
import dev.palisade.engine.RuleInfo;
import dev.palisade.model.JsonPath;
import dev.palisade.model.PodTemplateView.ContainerAt;
import dev.palisade.model.Severity;
import io.fabric8.kubernetes.api.model.EnvVar;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

@RuleInfo(id = "env-duplicate-name", severity = Severity.WARNING, category = "config",
        summary = "A container sets the same environment variable twice: the last entry silently wins, and "
                + "kubectl apply patches (merged by name) may drop or resurrect the wrong one.",
        remediation = "Keep one entry per variable name and delete the other.")
public final class EnvDuplicateName implements ObjectRule {
    @Override
    public void check(ObjectContext ctx) {
        ctx.podTemplate().ifPresent(t -> {
            for (ContainerAt c : t.allContainers()) {
                List<EnvVar> env = c.container().getEnv();
                Map<String, Integer> first = new HashMap<>();
                for (int i = 0; env != null && i < env.size(); i++) {
                    EnvVar e = env.get(i);
                    if (e == null || e.getName() == null) {
                        continue;
                    }
                    Integer earlier = first.putIfAbsent(e.getName(), i);
                    if (earlier != null) {
                        String path = JsonPath.child(JsonPath.index(JsonPath.child(c.path(), "env"), i), "name");
                        ctx.report(path, "env " + e.getName() + " of container '" + c.container().getName()
                                + "' is already set at env[" + earlier + "]; this later entry wins, remove one");
                    }
                }
            }
        });
    }
}
