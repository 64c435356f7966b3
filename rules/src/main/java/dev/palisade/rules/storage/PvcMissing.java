package dev.palisade.rules.storage;

import com.fasterxml.jackson.databind.JsonNode;
import dev.palisade.engine.ObjectContext;
import dev.palisade.engine.ObjectRule;
import dev.palisade.engine.RuleInfo;
import dev.palisade.model.ManifestObject;
import dev.palisade.model.Severity;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

@RuleInfo(id = "pvc-missing", severity = Severity.WARNING, category = "storage",
        summary = "A pod volume names a PersistentVolumeClaim that is not in the lint set although claims of "
                + "that namespace are: the pods stay Pending until a claim of that name exists.",
        remediation = "Fix the claimName to the name of an existing claim, or add the PersistentVolumeClaim to "
                + "the manifests.")
public final class PvcMissing implements ObjectRule {
    @Override
    public void check(ObjectContext ctx) {
        ManifestObject workload = ctx.object();
        List<StorageSpecs.ClaimVolume> volumes = StorageSpecs.claimVolumes(workload);
        if (volumes.isEmpty() || !ctx.index().covers("PersistentVolumeClaim")) {
            return;
        }
        // Claims are often managed apart from the workloads that mount them (another chart, a storage
        // team). Only a namespace whose claims are part of the lint set tells us a name is wrong.
        List<ManifestObject> claims = ctx.index().list("PersistentVolumeClaim", workload.namespace());
        if (claims.isEmpty()) {
            return;
        }
        Set<String> templated = statefulSetTemplateNames(workload);
        for (StorageSpecs.ClaimVolume volume : volumes) {
            if (templated.contains(volume.volumeName())) {
                continue; // the StatefulSet controller replaces this volume with its per-pod claim
            }
            if (claims.stream().noneMatch(c -> volume.claimName().equals(c.name()))) {
                ctx.report(volume.claimNamePath(), "volume " + volume.volumeName() + " mounts claim "
                        + volume.claimName() + ", but no PersistentVolumeClaim of that name is in namespace "
                        + workload.namespace() + " (claims there: " + names(claims) + "); the pods would stay Pending");
            }
        }
    }

    private static Set<String> statefulSetTemplateNames(ManifestObject o) {
        Set<String> names = new HashSet<>();
        if ("StatefulSet".equals(o.kind())) {
            for (JsonNode t : StorageSpecs.list(o.tree().path("spec").path("volumeClaimTemplates"))) {
                names.add(t.path("metadata").path("name").asText(""));
            }
        }
        return names;
    }

    private static String names(List<ManifestObject> claims) {
        List<String> names = claims.stream().map(ManifestObject::name).filter(n -> n != null).sorted().limit(5).toList();
        return String.join(", ", names) + (claims.size() > names.size() ? ", ..." : "");
    }
}
