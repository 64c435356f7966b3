package dev.palisade.engine;

import dev.palisade.model.Severity;

/** Metadata for the finding the engine makes when a suppression matched nothing. */
@RuleInfo(id = "suppression-unused", severity = Severity.INFO, category = "engine",
        summary = "An ignore.palisade.dev annotation or a config exemption suppressed nothing.",
        remediation = "Delete the suppression: the problem it was written for is gone, and a stale "
                + "suppression would hide the next one.")
final class SuppressionUnusedRule implements Rule {
}
