package dev.palisade.webhook;

import java.util.List;

/**
 * The webhook's answer to one review.
 *
 * @param decision  for metrics and logs: allowed, denied, warned, audited, skipped, exempt, failopen
 * @param message   the denial message (null when allowed)
 * @param warnings  one line each, within the API server's limits
 * @param ruleIds   rules that found something (for logs: never the object's contents)
 */
public record Verdict(boolean allowed, String decision, String message, List<String> warnings, List<String> ruleIds) {

    public static Verdict skipped(String decision) {
        return new Verdict(true, decision, null, List.of(), List.of());
    }

    public static Verdict failOpen(String why) {
        return new Verdict(true, "failopen", null, List.of("palisade: " + why + "; allowed without review"), List.of());
    }
}
