package dev.palisade.rules.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.palisade.model.JsonPath;
import dev.palisade.model.ManifestObject;
import dev.palisade.model.PodTemplateView;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where storage requests sit in manifests, read from the generic tree so that every finding keeps the
 * exact path of the node it is about (the typed model drops malformed entries).
 */
final class StorageSpecs {
    static final String RWO = "ReadWriteOnce";
    static final String ROX = "ReadOnlyMany";
    static final String RWX = "ReadWriteMany";
    static final String RWOP = "ReadWriteOncePod";
    static final List<String> ACCESS_MODES = List.of(RWO, ROX, RWX, RWOP);

    private StorageSpecs() {
    }

    /** The annotation that named a claim's class before storageClassName existed; still honoured. */
    static final String LEGACY_CLASS_ANNOTATION = "volume.beta.kubernetes.io/storage-class";

    /**
     * A PersistentVolumeClaim spec (or a PersistentVolume's), with its JSON path, a label for messages,
     * and the metadata that goes with it (a missing node when there is none).
     */
    record Spec(String path, JsonNode node, String what, JsonNode metadata, String metadataPath) {
        Spec(String path, JsonNode node, String what) {
            this(path, node, what, MissingNode.getInstance(), "");
        }

        /**
         * The storage class asked for: storageClassName, else the legacy annotation; empty when neither
         * is written as a string. "" asks for no class at all.
         */
        Optional<String> storageClassName() {
            JsonNode field = node.path("storageClassName");
            if (field.isTextual()) {
                return Optional.of(field.asText());
            }
            JsonNode legacy = metadata.path("annotations").path(LEGACY_CLASS_ANNOTATION);
            return legacy.isTextual() && field.isMissingNode() ? Optional.of(legacy.asText()) : Optional.empty();
        }

        /** Where the class is written: the field, or the legacy annotation when only that is set. */
        String storageClassPath() {
            if (!node.has("storageClassName") && metadata.path("annotations").has(LEGACY_CLASS_ANNOTATION)) {
                return JsonPath.child(JsonPath.child(metadataPath, "annotations"), LEGACY_CLASS_ANNOTATION);
            }
            return fieldPath("storageClassName");
        }

        /** Whether the class is left to the cluster's default (nothing written, not even ""). */
        boolean defaultClass() {
            JsonNode field = node.path("storageClassName");
            return (field.isMissingNode() || field.isNull()) && storageClassName().isEmpty();
        }

        JsonNode field(String name) {
            return node.path(name);
        }

        String fieldPath(String name) {
            return JsonPath.child(path, name);
        }

        /** The access modes written as strings, in order; non-string entries are skipped. */
        List<String> accessModes() {
            List<String> out = new ArrayList<>();
            for (JsonNode m : list(node.path("accessModes"))) {
                if (m.isTextual()) {
                    out.add(m.asText());
                }
            }
            return out;
        }

        /** The path of the first access mode equal to {@code mode}, or the list itself. */
        String accessModePath(String mode) {
            JsonNode modes = list(node.path("accessModes"));
            for (int i = 0; i < modes.size(); i++) {
                if (mode.equals(modes.get(i).asText(null))) {
                    return JsonPath.index(fieldPath("accessModes"), i);
                }
            }
            return fieldPath("accessModes");
        }

        boolean blockMode() {
            return "Block".equals(node.path("volumeMode").asText(""));
        }
    }

    /**
     * Every claim spec the object asks for: a PersistentVolumeClaim's own spec, a StatefulSet's
     * volumeClaimTemplates and the generic ephemeral volumes of any pod template.
     */
    static List<Spec> claimSpecs(ManifestObject o) {
        List<Spec> out = new ArrayList<>();
        JsonNode tree = o.tree();
        if (isCore(o, "PersistentVolumeClaim")) {
            if (tree.path("spec").isObject()) {
                out.add(new Spec("spec", tree.path("spec"), "PersistentVolumeClaim " + o.name(),
                        tree.path("metadata"), "metadata"));
            }
            return out;
        }
        if ("StatefulSet".equals(o.kind())) {
            JsonNode templates = list(tree.path("spec").path("volumeClaimTemplates"));
            for (int i = 0; i < templates.size(); i++) {
                JsonNode spec = templates.get(i).path("spec");
                if (spec.isObject()) {
                    String name = templates.get(i).path("metadata").path("name").asText("#" + i);
                    String templatePath = JsonPath.index("spec.volumeClaimTemplates", i);
                    out.add(new Spec(JsonPath.child(templatePath, "spec"), spec, "volumeClaimTemplate " + name,
                            templates.get(i).path("metadata"), JsonPath.child(templatePath, "metadata")));
                }
            }
        }
        o.podTemplate().ifPresent(t -> {
            JsonNode volumes = list(specNode(o, t).path("volumes"));
            for (int i = 0; i < volumes.size(); i++) {
                JsonNode spec = volumes.get(i).path("ephemeral").path("volumeClaimTemplate").path("spec");
                if (spec.isObject()) {
                    String path = JsonPath.of("ephemeral", "volumeClaimTemplate", "spec");
                    out.add(new Spec(JsonPath.index(JsonPath.child(t.specPath(), "volumes"), i) + "." + path, spec,
                            "ephemeral volume " + volumes.get(i).path("name").asText("#" + i)));
                }
            }
        });
        return out;
    }

    /** A pod volume that mounts a claim by name. */
    record ClaimVolume(String claimName, String claimNamePath, String volumeName, boolean readOnly) {
    }

    /** The persistentVolumeClaim volumes of the object's pod template. */
    static List<ClaimVolume> claimVolumes(ManifestObject o) {
        Optional<PodTemplateView> template = o.podTemplate();
        if (template.isEmpty()) {
            return List.of();
        }
        List<ClaimVolume> out = new ArrayList<>();
        JsonNode volumes = list(specNode(o, template.get()).path("volumes"));
        String volumesPath = JsonPath.child(template.get().specPath(), "volumes");
        for (int i = 0; i < volumes.size(); i++) {
            JsonNode claim = volumes.get(i).path("persistentVolumeClaim");
            JsonNode name = claim.path("claimName");
            if (name.isTextual() && !name.asText().isEmpty()) {
                out.add(new ClaimVolume(name.asText(),
                        JsonPath.index(volumesPath, i) + ".persistentVolumeClaim.claimName",
                        volumes.get(i).path("name").asText(""), claim.path("readOnly").asBoolean(false)));
            }
        }
        return out;
    }

    /** The pod spec node of a template, found by walking its path in the tree. */
    static JsonNode specNode(ManifestObject o, PodTemplateView t) {
        JsonNode n = o.tree();
        for (String key : t.specPath().split("\\.")) {
            n = n.path(key);
        }
        return n;
    }

    /**
     * The node when it is a list, else an empty node: a mapping where a list belongs is a type error
     * reported elsewhere, and indexing into it would find nothing.
     */
    static JsonNode list(JsonNode node) {
        return node.isArray() ? node : MissingNode.getInstance();
    }

    static boolean isCore(ManifestObject o, String kind) {
        return kind.equals(o.kind()) && o.ref().group().isEmpty();
    }
}
