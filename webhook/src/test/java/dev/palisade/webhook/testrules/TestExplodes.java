package dev.palisade.webhook.testrules;

import dev.palisade.engine.ObjectContext;
import dev.palisade.engine.ObjectRule;
import dev.palisade.engine.RuleInfo;
import dev.palisade.model.Severity;

/** Test-only rule that throws on objects labelled test/explode, and sleeps on test/sleep-ms. */
@RuleInfo(id = "test-explodes", severity = Severity.ERROR, category = "test", enabledByDefault = false,
        summary = "Test rule: fails or stalls on demand.", remediation = "None.")
public final class TestExplodes implements ObjectRule {
    @Override
    public void check(ObjectContext ctx) {
        var labels = ctx.object().tree().path("metadata").path("labels");
        if (labels.path("test/explode").asText().equals("true")) {
            throw new IllegalStateException("secret-value-from-the-object must never reach the log");
        }
        String sleep = labels.path("test/sleep-ms").asText("");
        if (!sleep.isEmpty()) {
            try {
                Thread.sleep(Long.parseLong(sleep));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
