package dev.palisade.rules.storage;

import com.fasterxml.jackson.databind.JsonNode;
import dev.palisade.engine.ObjectContext;
import dev.palisade.engine.ObjectRule;
import dev.palisade.engine.RuleInfo;
import dev.palisade.model.ManifestObject;
import dev.palisade.model.Quantity;
import dev.palisade.model.Severity;
import java.util.List;
import java.util.Optional;

@RuleInfo(id = "pv-claim-mismatch", severity = Severity.WARNING, category = "storage",
        summary = "A PersistentVolumeClaim binds a PersistentVolume by volumeName that cannot satisfy it (access "
                + "modes, capacity, storage class, volume mode, or a claimRef to another claim): the claim "
                + "stays Pending.",
        remediation = "Make the claim ask for what the volume offers (modes it lists, no more storage than its "
                + "capacity, the same storageClassName and volumeMode), or bind another volume.")
public final class PvClaimMismatch implements ObjectRule {
    @Override
    public void check(ObjectContext ctx) {
        ManifestObject claim = ctx.object();
        if (!StorageSpecs.isCore(claim, "PersistentVolumeClaim") || !ctx.index().covers("PersistentVolume")) {
            return;
        }
        JsonNode volumeName = claim.tree().path("spec").path("volumeName");
        if (!volumeName.isTextual() || volumeName.asText().isEmpty()) {
            return;
        }
        Optional<ManifestObject> volume = ctx.index().get("PersistentVolume", null, volumeName.asText());
        if (volume.isEmpty() || !StorageSpecs.isCore(volume.get(), "PersistentVolume")) {
            return;
        }
        StorageSpecs.Spec claimSpec = StorageSpecs.claimSpecs(claim).get(0);
        JsonNode pv = volume.get().tree().path("spec");
        String pvName = "PersistentVolume " + volume.get().name();
        checkClaimRef(ctx, claim, pv, pvName);
        checkAccessModes(ctx, claimSpec, pv, pvName);
        checkCapacity(ctx, claimSpec, pv, pvName);
        checkClass(ctx, claimSpec, pv, volume.get().tree().path("metadata"), pvName);
        checkVolumeMode(ctx, claimSpec, pv, pvName);
    }

    private static void checkClaimRef(ObjectContext ctx, ManifestObject claim, JsonNode pv, String pvName) {
        JsonNode ref = pv.path("claimRef");
        String refName = ref.path("name").asText("");
        String refNamespace = ref.path("namespace").asText("");
        if (!refName.isEmpty() && (!refName.equals(claim.name())
                || (!refNamespace.isEmpty() && !refNamespace.equals(claim.namespace())))) {
            ctx.report("spec.volumeName", pvName + " is reserved by its claimRef for claim "
                    + (refNamespace.isEmpty() ? "" : refNamespace + "/") + refName
                    + ", so this claim cannot bind it; point the claimRef at this claim or bind another volume");
        }
    }

    private static void checkAccessModes(ObjectContext ctx, StorageSpecs.Spec claim, JsonNode pv, String pvName) {
        List<String> offered = new StorageSpecs.Spec("spec", pv, pvName).accessModes();
        for (String mode : claim.accessModes()) {
            if (StorageSpecs.ACCESS_MODES.contains(mode) && !offered.contains(mode)) {
                ctx.report(claim.accessModePath(mode), "claim asks for " + mode + " but " + pvName + " offers only "
                        + (offered.isEmpty() ? "no access mode" : String.join(", ", offered))
                        + "; request a mode the volume lists");
            }
        }
    }

    private static void checkCapacity(ObjectContext ctx, StorageSpecs.Spec claim, JsonNode pv, String pvName) {
        JsonNode requested = claim.field("resources").path("requests").path("storage");
        Optional<Quantity> want = Quantity.parse(requested.isValueNode() ? requested.asText() : null);
        JsonNode capacity = pv.path("capacity").path("storage");
        Optional<Quantity> have = Quantity.parse(capacity.isValueNode() ? capacity.asText() : null);
        if (want.isPresent() && have.isPresent() && want.get().compareTo(have.get()) > 0) {
            ctx.report(claim.fieldPath("resources") + ".requests.storage", "claim requests "
                    + want.get().text() + " but " + pvName + " holds only " + have.get().text()
                    + "; request at most the volume's capacity or bind a larger volume");
        }
    }

    private static void checkClass(ObjectContext ctx, StorageSpecs.Spec claim, JsonNode pv, JsonNode volumeMetadata,
            String pvName) {
        Optional<String> wanted = claim.storageClassName();
        if (wanted.isEmpty()) {
            return; // an omitted class is filled in by the cluster's default-class admission; we cannot know it
        }
        String offered = pv.path("storageClassName").asText("");
        if (pv.path("storageClassName").isMissingNode()) {
            offered = volumeMetadata.path("annotations").path(StorageSpecs.LEGACY_CLASS_ANNOTATION).asText("");
        }
        if (!wanted.get().equals(offered)) {
            ctx.report(claim.storageClassPath(), "claim asks for storage class '" + wanted.get()
                    + "' but " + pvName + " has " + (offered.isEmpty() ? "no class" : "class '" + offered + "'")
                    + "; the classes must be equal for the claim to bind");
        }
    }

    private static void checkVolumeMode(ObjectContext ctx, StorageSpecs.Spec claim, JsonNode pv, String pvName) {
        String wanted = claim.field("volumeMode").asText("Filesystem");
        String offered = pv.path("volumeMode").asText("Filesystem");
        if (!wanted.equals(offered)) {
            ctx.report(claim.fieldPath("volumeMode"), "claim asks for volumeMode " + wanted + " but " + pvName
                    + " is " + offered + "; use the same volumeMode on both");
        }
    }
}
