package dev.palisade.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.palisade.engine.Finding;
import dev.palisade.index.ObjectIndex;
import dev.palisade.model.Kinds;
import dev.palisade.model.ManifestObject;
import dev.palisade.model.PositionIndex;
import dev.palisade.webhook.WebhookSettings.Mode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Turns one admission request into a verdict with the configured engine, mode and exemptions. */
public final class Reviewer {
    /** The source name findings carry in the cluster (there is no file). */
    static final String SOURCE = "<admission>";
    private static final String INTERNAL_ERROR = "internal-error";
    private static final int MESSAGE_RUNES = 8000;

    private final ClusterIndex index;
    private final Metrics metrics;

    private final String ownNamespace;

    public Reviewer(ClusterIndex index, Metrics metrics, String ownNamespace) {
        this.index = index;
        this.metrics = metrics;
        this.ownNamespace = ownNamespace;
    }

    public Verdict review(AdmissionRequest req, ConfigSnapshot snapshot) {
        WebhookSettings s = snapshot.settings();
        if (req.operation().equals("DELETE") || req.operation().equals("CONNECT") || !req.subResource().isEmpty()) {
            return Verdict.skipped("skipped");
        }
        if ((req.namespace() != null && (s.exemptNamespaces().contains(req.namespace())
                || req.namespace().equals(ownNamespace)))
                || s.exemptUser(req.user(), req.groups())) {
            return Verdict.skipped("exempt");
        }
        ObjectNode object = req.object();
        String apiVersion = text(object, "apiVersion");
        String kind = text(object, "kind");
        if (Kinds.typedModel(apiVersion, kind) == null) {
            return Verdict.skipped("skipped"); // a kind the engine does not understand is not ours to judge
        }
        if (kind.equals("Pod") && ownedByController(object)) {
            return Verdict.skipped("skipped"); // its workload was judged when it was admitted
        }
        Mode mode = modeFor(req.namespace(), s);
        if (mode == Mode.OFF) {
            return Verdict.skipped("exempt");
        }
        String namespace = req.namespace() != null ? req.namespace() : snapshot.config().namespaceOrDefault();
        // a namespace the informers leave out (exempt at start): its rules must not read empty caches
        ObjectIndex judgedWith = index.caches(namespace) ? index : new ClusterScopedIndex(index);
        List<Finding> findings = snapshot.engine().evaluate(manifest(object, namespace), judgedWith);
        ObjectNode old = req.oldObject();
        // an old object the engine cannot read (no kind: seen only in fuzzing) has no violations to keep
        boolean judgeOld = req.operation().equals("UPDATE") && old != null
                && Kinds.typedModel(text(old, "apiVersion"), text(old, "kind")) != null;
        Set<String> preexisting = judgeOld ? keys(snapshot.engine().evaluate(manifest(old, namespace), judgedWith)) : Set.of();
        return judge(findings, preexisting, mode, s, kind, object);
    }

    private Verdict judge(List<Finding> findings, Set<String> preexisting, Mode mode, WebhookSettings s,
            String kind, ObjectNode object) {
        List<Finding> denying = new ArrayList<>();
        Warnings warnings = new Warnings();
        Set<String> ruleIds = new LinkedHashSet<>();
        for (Finding f : findings) {
            if (f.rule().equals(INTERNAL_ERROR)) {
                String rule = failedRule(f.message());
                metrics.ruleError(rule);
                ruleIds.add(INTERNAL_ERROR + ":" + rule);
                // the exception text may quote the object: say only which rule was skipped
                warnings.add("palisade: rule " + rule + " failed on this object and was skipped (" + INTERNAL_ERROR + ")");
                continue;
            }
            metrics.finding(f.rule(), f.severity().label());
            ruleIds.add(f.rule());
            boolean isNew = !preexisting.contains(key(f));
            if (mode == Mode.ENFORCE && isNew && f.severity().atLeast(s.denyThreshold())) {
                denying.add(f);
            } else {
                warnings.add(warning(f, isNew));
            }
        }
        if (mode == Mode.AUDIT) {
            return new Verdict(true, ruleIds.isEmpty() ? "allowed" : "audited", null, List.of(), List.copyOf(ruleIds));
        }
        List<String> w = warnings.build();
        if (!denying.isEmpty()) {
            return new Verdict(false, "denied", denial(denying, kind, object), w, List.copyOf(ruleIds));
        }
        return new Verdict(true, w.isEmpty() ? "allowed" : "warned", null, w, List.copyOf(ruleIds));
    }

    private Mode modeFor(String namespace, WebhookSettings s) {
        if (namespace == null || s.namespaceModeLabel() == null || !index.covers("Namespace")) {
            return s.mode();
        }
        return index.get("Namespace", null, namespace)
                .map(ns -> ns.tree().path("metadata").path("labels").path(s.namespaceModeLabel()))
                .filter(JsonNode::isTextual)
                .map(v -> WebhookSettings.modeFromLabel(v.asText()))
                .orElse(s.mode());
    }

    private static ManifestObject manifest(ObjectNode object, String namespace) {
        return new ManifestObject(SOURCE, object, new PositionIndex(), namespace);
    }

    private static boolean ownedByController(ObjectNode pod) {
        for (JsonNode ref : pod.path("metadata").path("ownerReferences")) {
            if (ref.path("controller").asBoolean(false)) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> keys(List<Finding> findings) {
        Set<String> out = new HashSet<>();
        for (Finding f : findings) {
            out.add(key(f));
        }
        return out;
    }

    /** Findings are the same violation when the same rule reports the same path. */
    private static String key(Finding f) {
        return f.rule() + '\u0000' + f.path();
    }

    private static String warning(Finding f, boolean isNew) {
        return pathOrObject(f.path()) + ": " + f.message() + (isNew ? "" : " [already present before this update]")
                + " (" + f.rule() + ")";
    }

    private static String denial(List<Finding> denying, String kind, ObjectNode object) {
        JsonNode md = object.path("metadata");
        String name = md.path("name").asText(md.path("generateName").asText("<unnamed>"));
        StringBuilder sb = new StringBuilder("palisade denied ").append(kind).append(' ').append(name).append(": ")
                .append(denying.size()).append(denying.size() == 1 ? " violation" : " violations");
        for (Finding f : denying) {
            sb.append("\n- [").append(f.rule()).append("] ").append(pathOrObject(f.path())).append(": ")
                    .append(Warnings.oneLine(f.message()));
            if (f.remediation() != null && !f.remediation().isBlank()) {
                sb.append(" Fix: ").append(Warnings.oneLine(f.remediation()));
            }
        }
        return Warnings.clip(sb.toString(), MESSAGE_RUNES);
    }

    private static String pathOrObject(String path) {
        return path == null || path.isEmpty() ? "object" : path;
    }

    /** The rule id in the engine's "rule X failed on this object: ..." message. */
    static String failedRule(String message) {
        if (message != null && message.startsWith("rule ")) {
            int end = message.indexOf(' ', 5);
            if (end > 5) {
                return message.substring(5, end);
            }
        }
        return "unknown";
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.isTextual() ? v.asText() : null;
    }
}
