package dev.palisade.engine;

import dev.palisade.model.Severity;

/** Metadata for the finding the engine makes when a rule throws; it has no logic of its own. */
@RuleInfo(id = "internal-error", severity = Severity.ERROR, category = "engine",
        summary = "A rule failed with an unexpected error on this object; the other rules still ran.",
        remediation = "Report the message to the Palisade maintainers with the manifest; "
                + "meanwhile suppress the failing rule for this object if it blocks you.")
final class InternalErrorRule implements Rule {
}
