package dev.palisade.rules.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.palisade.model.ManifestObject;

/** Where the Job spec is: a Job's spec, or a CronJob's job template. */
final class Jobs {
    private Jobs() {
    }

    /** The JSON path of the Job spec, or null when the object is neither a Job nor a CronJob. */
    static String jobSpecPath(ManifestObject o) {
        return switch (o.kind() == null ? "" : o.kind()) {
            case "Job" -> "spec";
            case "CronJob" -> "spec.jobTemplate.spec";
            default -> null;
        };
    }

    static JsonNode jobSpec(ManifestObject o) {
        JsonNode spec = o.tree().path("spec");
        return "CronJob".equals(o.kind()) ? spec.path("jobTemplate").path("spec") : spec;
    }

    /** A Job created by a controller (a CronJob's run): its owner's template is what to fix. */
    static boolean isOwned(ManifestObject o) {
        for (JsonNode owner : o.tree().path("metadata").path("ownerReferences")) {
            if (owner.path("controller").asBoolean(false)) {
                return true;
            }
        }
        return false;
    }
}
