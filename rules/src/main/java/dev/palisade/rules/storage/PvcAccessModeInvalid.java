package dev.palisade.rules.storage;

import com.fasterxml.jackson.databind.JsonNode;
import dev.palisade.engine.ObjectContext;
import dev.palisade.engine.ObjectRule;
import dev.palisade.engine.RuleInfo;
import dev.palisade.model.JsonPath;
import dev.palisade.model.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

@RuleInfo(id = "pvc-access-mode-invalid", severity = Severity.ERROR, category = "storage",
        summary = "A PersistentVolumeClaim (or PersistentVolume, StatefulSet volumeClaimTemplate, ephemeral "
                + "volume) has no access mode, an unknown one, or ReadWriteOncePod together with another mode; "
                + "the API server rejects it.",
        remediation = "List one or more of ReadWriteOnce, ReadOnlyMany, ReadWriteMany (spelled exactly so), or "
                + "ReadWriteOncePod alone.")
public final class PvcAccessModeInvalid implements ObjectRule {
    /** Shorthands people write from kubectl output, and what they stand for. */
    private static final Map<String, String> SHORTHANDS =
            Map.of("RWO", StorageSpecs.RWO, "ROX", StorageSpecs.ROX, "RWX", StorageSpecs.RWX,
                    "RWOP", StorageSpecs.RWOP);

    @Override
    public void check(ObjectContext ctx) {
        List<StorageSpecs.Spec> specs = new ArrayList<>(StorageSpecs.claimSpecs(ctx.object()));
        if (StorageSpecs.isCore(ctx.object(), "PersistentVolume") && ctx.object().tree().path("spec").isObject()) {
            specs.add(new StorageSpecs.Spec("spec", ctx.object().tree().path("spec"),
                    "PersistentVolume " + ctx.object().name()));
        }
        specs.forEach(spec -> check(ctx, spec));
    }

    private static void check(ObjectContext ctx, StorageSpecs.Spec spec) {
        JsonNode modes = spec.field("accessModes");
        String modesPath = spec.fieldPath("accessModes");
        if (modes.isMissingNode() || modes.isNull() || (modes.isArray() && modes.isEmpty())) {
            ctx.report(modesPath, spec.what() + " has no accessModes; the API server requires at least one "
                    + "(usually [ReadWriteOnce])");
            return;
        }
        if (!modes.isArray()) {
            return; // a scalar where a list belongs is a type error, reported by field-type-invalid
        }
        for (int i = 0; i < modes.size(); i++) {
            JsonNode mode = modes.get(i);
            if (!mode.isTextual() || !StorageSpecs.ACCESS_MODES.contains(mode.asText())) {
                ctx.report(JsonPath.index(modesPath, i), spec.what() + ": " + unknownModeMessage(mode));
            }
        }
        List<String> written = spec.accessModes();
        if (written.contains(StorageSpecs.RWOP) && modes.size() > 1) {
            ctx.report(spec.accessModePath(StorageSpecs.RWOP), spec.what() + ": ReadWriteOncePod may not be combined with other "
                    + "access modes; list it alone, or drop it and keep " + others(written));
        }
    }

    private static String unknownModeMessage(JsonNode mode) {
        String text = mode.isValueNode() ? mode.asText() : mode.toString();
        String suggestion = suggestion(text);
        return "unknown access mode '" + text + "'"
                + (suggestion != null ? "; did you mean " + suggestion + "?"
                        : "; use ReadWriteOnce, ReadOnlyMany, ReadWriteMany or ReadWriteOncePod");
    }

    /** The mode meant by a wrongly cased or abbreviated one, or null. */
    static String suggestion(String text) {
        String key = text.trim().replace("-", "").replace("_", "").toUpperCase(Locale.ROOT);
        if (SHORTHANDS.containsKey(key)) {
            return SHORTHANDS.get(key);
        }
        for (String mode : StorageSpecs.ACCESS_MODES) {
            if (mode.toUpperCase(Locale.ROOT).equals(key)) {
                return mode;
            }
        }
        return null;
    }

    private static String others(List<String> written) {
        List<String> rest = written.stream().filter(m -> !m.equals(StorageSpecs.RWOP)).distinct().toList();
        return rest.isEmpty() ? "one mode" : String.join(", ", rest);
    }
}
