package dev.palisade.rules.storage;

import com.fasterxml.jackson.databind.JsonNode;
import dev.palisade.engine.ObjectContext;
import dev.palisade.engine.ObjectRule;
import dev.palisade.engine.RuleInfo;
import dev.palisade.index.ObjectIndex;
import dev.palisade.model.ManifestObject;
import dev.palisade.model.Severity;
import java.util.List;
import java.util.Optional;

@RuleInfo(id = "rwx-unsupported-storage-class", severity = Severity.WARNING, category = "storage",
        summary = "A claim requests ReadWriteMany from a StorageClass (named, or the default class when none "
                + "is named) whose provisioner serves block disks that attach to one node: provisioning fails "
                + "and the claim stays Pending.",
        remediation = "Use a class backed by a shared file system (EFS, Filestore, Azure Files, NFS, CephFS) for "
                + "ReadWriteMany, or request ReadWriteOnce and give each replica its own volume.",
        params = @RuleInfo.Param(name = "blockOnlyProvisioners", type = RuleInfo.ParamType.STRING_LIST,
                defaultValue = "ebs.csi.aws.com,kubernetes.io/aws-ebs,pd.csi.storage.gke.io,kubernetes.io/gce-pd,"
                        + "disk.csi.azure.com,kubernetes.io/azure-disk,cinder.csi.openstack.org,kubernetes.io/cinder,"
                        + "dobs.csi.digitalocean.com,csi.hetzner.cloud,linodebs.csi.linode.com,"
                        + "diskplugin.csi.alibabacloud.com,kubernetes.io/vsphere-volume",
                description = "Provisioners that cannot serve ReadWriteMany file-system volumes."))
public final class RwxUnsupportedStorageClass implements ObjectRule {
    static final String DEFAULT_CLASS_ANNOTATION = "storageclass.kubernetes.io/is-default-class";
    static final String BETA_DEFAULT_CLASS_ANNOTATION = "storageclass.beta.kubernetes.io/is-default-class";

    @Override
    public void check(ObjectContext ctx) {
        if (!ctx.index().covers("StorageClass")) {
            return;
        }
        List<String> blockOnly = ctx.params().list("blockOnlyProvisioners");
        for (StorageSpecs.Spec spec : StorageSpecs.claimSpecs(ctx.object())) {
            // Block-mode volumes are another matter: EBS io2 multi-attach and Azure shared disks serve them.
            if (!spec.accessModes().contains(StorageSpecs.RWX) || spec.blockMode()) {
                continue;
            }
            storageClass(spec, ctx.index())
                    .filter(c -> blockOnly.contains(c.tree().path("provisioner").asText()))
                    .ifPresent(c -> ctx.report(spec.accessModePath(StorageSpecs.RWX), spec.what()
                            + " requests ReadWriteMany from StorageClass " + c.name()
                            + (spec.defaultClass() ? " (the default class)" : "")
                            + ", whose provisioner " + c.tree().path("provisioner").asText()
                            + " only serves single-node block volumes; use a shared file-system class "
                            + "(EFS, Filestore, Azure Files, NFS) or ReadWriteOnce"));
        }
    }

    /**
     * The class the claim is provisioned from: the one it names, or the default class when it names
     * none. An empty name asks for no class (static binding), so there is nothing to check.
     */
    private static Optional<ManifestObject> storageClass(StorageSpecs.Spec spec, ObjectIndex index) {
        if (spec.defaultClass()) {
            return index.list("StorageClass", null).stream().filter(RwxUnsupportedStorageClass::isDefault).findFirst();
        }
        return spec.storageClassName().filter(name -> !name.isEmpty())
                .flatMap(name -> index.get("StorageClass", null, name));
    }

    static boolean isDefault(ManifestObject storageClass) {
        JsonNode annotations = storageClass.tree().path("metadata").path("annotations");
        return "true".equals(annotations.path(DEFAULT_CLASS_ANNOTATION).asText())
                || "true".equals(annotations.path(BETA_DEFAULT_CLASS_ANNOTATION).asText());
    }
}
