package dev.palisade.rules.config;

import dev.palisade.engine.ObjectContext;
import dev.palisade.engine.ObjectRule;
import dev.palisade.engine.RuleInfo;
import dev.palisade.index.ObjectIndex;
import dev.palisade.model.JsonPath;
import dev.palisade.model.ManifestObject;
import dev.palisade.model.PodTemplateView.ContainerAt;
import dev.palisade.model.Severity;
import io.fabric8.kubernetes.api.model.ConfigMapKeySelector;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarSource;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

@RuleInfo(id = "env-ref-missing", severity = Severity.WARNING, category = "config",
        summary = "A container takes environment variables from a Secret or ConfigMap (or a key of one) that "
                + "is not in the set: the pod fails with CreateContainerConfigError until it exists.",
        remediation = "Add the Secret/ConfigMap (or the key) to the manifests, fix the name, or mark the reference "
                + "optional: true if the container copes without it.")
public final class EnvRefMissing implements ObjectRule {
    /** Kinds that produce a Secret of their name (or spec.target.name) in the cluster. */
    private static final List<String> SECRET_GENERATORS = List.of("SealedSecret", "ExternalSecret");

    private enum Source {
        SECRET("Secret", "data", "stringData"), CONFIG_MAP("ConfigMap", "data", "binaryData");

        final String kind;
        final String[] keyFields;

        Source(String kind, String... keyFields) {
            this.kind = kind;
            this.keyFields = keyFields;
        }
    }

    /** A reference to a Secret or ConfigMap, or to one key of it (key null for envFrom). */
    private record Ref(Source source, String name, String key, Boolean optional, String path) {
    }

    @Override
    public void check(ObjectContext ctx) {
        ctx.podTemplate().ifPresent(t -> {
            for (ContainerAt c : t.allContainers()) {
                for (Ref ref : refs(c)) {
                    checkRef(ctx, c, ref);
                }
            }
        });
    }

    private static List<Ref> refs(ContainerAt c) {
        List<Ref> out = new ArrayList<>();
        List<EnvVar> env = c.container().getEnv() == null ? List.of() : c.container().getEnv();
        for (int i = 0; i < env.size(); i++) {
            EnvVarSource from = env.get(i) == null ? null : env.get(i).getValueFrom();
            String base = JsonPath.child(JsonPath.index(JsonPath.child(c.path(), "env"), i), "valueFrom");
            if (from != null && from.getSecretKeyRef() != null) {
                SecretKeySelector s = from.getSecretKeyRef();
                out.add(new Ref(Source.SECRET, s.getName(), s.getKey(), s.getOptional(),
                        JsonPath.child(base, "secretKeyRef")));
            }
            if (from != null && from.getConfigMapKeyRef() != null) {
                ConfigMapKeySelector s = from.getConfigMapKeyRef();
                out.add(new Ref(Source.CONFIG_MAP, s.getName(), s.getKey(), s.getOptional(),
                        JsonPath.child(base, "configMapKeyRef")));
            }
        }
        List<EnvFromSource> envFrom = c.container().getEnvFrom() == null ? List.of() : c.container().getEnvFrom();
        for (int i = 0; i < envFrom.size(); i++) {
            EnvFromSource from = envFrom.get(i);
            String base = JsonPath.index(JsonPath.child(c.path(), "envFrom"), i);
            if (from != null && from.getSecretRef() != null) {
                out.add(new Ref(Source.SECRET, from.getSecretRef().getName(), null, from.getSecretRef().getOptional(),
                        JsonPath.child(base, "secretRef")));
            }
            if (from != null && from.getConfigMapRef() != null) {
                out.add(new Ref(Source.CONFIG_MAP, from.getConfigMapRef().getName(), null,
                        from.getConfigMapRef().getOptional(), JsonPath.child(base, "configMapRef")));
            }
        }
        return out;
    }

    private static void checkRef(ObjectContext ctx, ContainerAt c, Ref ref) {
        Source source = ref.source();
        if (ref.name() == null || ref.name().isEmpty() || Boolean.TRUE.equals(ref.optional())
                || !ctx.index().covers(source.kind)) {
            return;
        }
        ObjectIndex index = ctx.index();
        String ns = ctx.object().namespace();
        String name = ref.name();
        Optional<ManifestObject> target = index.get(source.kind, ns, name);
        String container = "container '" + c.container().getName() + "'";
        if (target.isEmpty()) {
            if (source == Source.SECRET && generated(index, ns, name)) {
                return;
            }
            ctx.report(JsonPath.child(ref.path(), "name"), container + " reads " + source.kind + " " + name
                    + ", which is not in namespace " + ns + " of the set; add it, fix the name, or set optional: true");
            return;
        }
        String key = ref.key();
        if (key != null && !key.isEmpty() && !hasKey(target.get(), source, key)) {
            ctx.report(JsonPath.child(ref.path(), "key"), container + " reads key '" + key + "' of " + source.kind
                    + " " + name + ", which has no such key; add it, fix the key, or set optional: true");
        }
    }

    private static boolean hasKey(ManifestObject o, Source source, String key) {
        for (String field : source.keyFields) {
            if (o.tree().path(field).has(key)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a SealedSecret or ExternalSecret in the set creates the Secret. */
    private static boolean generated(ObjectIndex index, String ns, String name) {
        for (String kind : SECRET_GENERATORS) {
            for (ManifestObject g : index.list(kind, ns)) {
                if (name.equals(g.tree().path("spec").path("target").path("name").asText(g.name()))) {
                    return true;
                }
            }
        }
        return false;
    }
}
