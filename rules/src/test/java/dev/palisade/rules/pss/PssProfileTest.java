package dev.palisade.rules.pss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.palisade.Fixtures;
import dev.palisade.config.ConfigException;
import dev.palisade.config.ConfigLoader;
import dev.palisade.config.PalisadeConfig;
import dev.palisade.engine.Engine;
import dev.palisade.engine.Finding;
import dev.palisade.load.ManifestLoader;
import dev.palisade.model.PodSecurityLevel;
import dev.palisade.model.Severity;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Severity of Pod Security findings from namespace labels, the pss: defaults and rule settings. */
class PssProfileTest {
    private static final Path PRIVILEGED = Fixtures.testdata().resolve("rules/pss-privileged/namespace-labels.yaml");
    private static final Path RUN_AS_USER = Fixtures.testdata().resolve("rules/pss-run-as-user/namespace-labels.yaml");

    /** Object name to the severities of the rule's findings on it. */
    private static Map<String, List<Severity>> severities(String rule, Path file, PalisadeConfig config) {
        Engine engine = new Engine(Fixtures.CATALOG, config, Set.of(rule), Set.of());
        Map<String, List<Severity>> out = new TreeMap<>();
        for (Finding f : engine.lint(List.of(new ManifestLoader().load(file))).findings()) {
            assertEquals(rule, f.rule(), f.message());
            out.merge(f.object().name(), List.of(f.severity()),
                    (a, b) -> java.util.stream.Stream.concat(a.stream(), b.stream()).toList());
        }
        return out;
    }

    private static PalisadeConfig config(String yaml) throws ConfigException {
        return new ConfigLoader(Fixtures.CATALOG, Set.of()).parse(".palisade.yaml", yaml);
    }

    @Test
    void baselineControlFollowsNamespaceLabels() {
        assertEquals(Map.of(
                "in-team-a", List.of(Severity.ERROR),       // enforce: baseline
                "in-team-b", List.of(Severity.WARNING),     // warn: baseline only
                "in-team-c", List.of(Severity.ERROR),       // invalid level counts as restricted
                "in-unlabelled", List.of(Severity.ERROR)),  // no pss labels: default enforces baseline
                severities("pss-privileged", PRIVILEGED, PalisadeConfig.DEFAULT));
    }

    @Test
    void restrictedControlFollowsNamespaceLabels() {
        assertEquals(Map.of(
                "in-strict", List.of(Severity.ERROR),
                "in-audited", List.of(Severity.WARNING),
                "elsewhere", List.of(Severity.WARNING)),    // namespace unknown: default warns restricted
                severities("pss-run-as-user", RUN_AS_USER, PalisadeConfig.DEFAULT));
    }

    @Test
    void configuredDefaultsApplyOnlyWithoutLabels() throws ConfigException {
        Map<String, List<Severity>> enforced = severities("pss-run-as-user", RUN_AS_USER,
                config("pss:\n  enforce: restricted\n"));
        assertEquals(List.of(Severity.ERROR), enforced.get("elsewhere"));
        assertEquals(List.of(Severity.WARNING), enforced.get("in-audited"));
        assertTrue(!enforced.containsKey("in-apps"), enforced.toString());

        Map<String, List<Severity>> off = severities("pss-run-as-user", RUN_AS_USER,
                config("pss: {enforce: privileged, warn: privileged}\n"));
        assertEquals(Set.of("in-strict", "in-audited"), off.keySet());
    }

    @Test
    void severityConfiguredForTheRuleWins() throws ConfigException {
        Map<String, List<Severity>> s = severities("pss-run-as-user", RUN_AS_USER,
                config("rules:\n  pss-run-as-user: info\n"));
        assertEquals(Map.of("in-strict", List.of(Severity.INFO), "in-audited", List.of(Severity.INFO),
                "elsewhere", List.of(Severity.INFO)), s);
    }

    @Test
    void pssSectionIsValidatedStrictly() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> config("pss:\n  enforce: strict\n  mode: baseline\n"));
        String msg = String.join("\n", e.problems());
        assertTrue(msg.contains("line 2, column 12: pss: enforce must be privileged, baseline or restricted"), msg);
        assertTrue(msg.contains("line 3, column 3: pss: unknown key 'mode'"), msg);
        assertThrows(ConfigException.class, () -> config("pss: baseline\n"));
    }

    @Test
    void levelsOfAModeIncludeLowerLevels() {
        var modes = new PalisadeConfig.PodSecurityDefaults(PodSecurityLevel.BASELINE,
                PodSecurityLevel.PRIVILEGED, PodSecurityLevel.RESTRICTED);
        assertEquals(Severity.ERROR, PssProfile.severity(modes, PodSecurityLevel.BASELINE).orElseThrow());
        assertEquals(Severity.WARNING,
                PssProfile.severity(modes, PodSecurityLevel.RESTRICTED).orElseThrow());
    }
}
