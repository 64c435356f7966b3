package dev.palisade.rules.pss;

import com.fasterxml.jackson.databind.JsonNode;
import dev.palisade.engine.RuleInfo;
import dev.palisade.model.JsonPath;
import dev.palisade.model.PodSecurityLevel;
import dev.palisade.model.Severity;
import java.util.Iterator;
import java.util.List;

@RuleInfo(id = "pss-volume-types", severity = Severity.WARNING, category = "pod-security",
        summary = "Pod Security restricted, Volume Types: a volume is of a type other than configMap, csi, "
                + "downwardAPI, emptyDir, ephemeral, persistentVolumeClaim, projected or secret (hostPath "
                + "volumes are left to pss-hostpath-volumes).",
        remediation = "Reach the storage through a PersistentVolumeClaim (an administrator defines the "
                + "PersistentVolume) or use one of the allowed volume types.")
public final class PssVolumeTypes extends PssControl {
    static final List<String> ALLOWED = List.of("configMap", "csi", "downwardAPI", "emptyDir", "ephemeral",
            "persistentVolumeClaim", "projected", "secret");

    public PssVolumeTypes() {
        super(PodSecurityLevel.RESTRICTED, false);
    }

    @Override
    protected void check(PssPod pod) {
        JsonNode volumes = pod.spec().path("volumes");
        for (int i = 0; volumes.isArray() && i < volumes.size(); i++) {
            JsonNode v = volumes.get(i);
            String at = JsonPath.index(pod.specPath("volumes"), i);
            // hostPath is reported by pss-hostpath-volumes (baseline, so active whenever this rule is):
            // one finding per problem at a node, with the stricter severity
            if (ALLOWED.stream().anyMatch(type -> PssPod.isSet(v.path(type))) || PssPod.isSet(v.path("hostPath"))) {
                continue;
            }
            String type = firstSource(v);
            pod.report(type == null ? at : JsonPath.child(at, type), "volume '" + PssPod.text(v.path("name")) + "'"
                    + (type == null ? " has no allowed volume source" : " is of type " + type)
                    + "; the restricted profile allows only " + String.join(", ", ALLOWED)
                    + " (use a persistentVolumeClaim)");
        }
    }

    /** The volume's source field: any key but its name. */
    private static String firstSource(JsonNode volume) {
        Iterator<String> keys = volume.fieldNames();
        while (keys.hasNext()) {
            String k = keys.next();
            if (!k.equals("name") && PssPod.isSet(volume.path(k))) {
                return k;
            }
        }
        return null;
    }
}
