package dev.palisade.rules.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.palisade.Fixtures;
import dev.palisade.config.ConfigException;
import dev.palisade.config.ConfigLoader;
import dev.palisade.config.PalisadeConfig;
import dev.palisade.engine.Engine;
import dev.palisade.engine.Finding;
import dev.palisade.engine.LintReport;
import dev.palisade.engine.RuleCatalog;
import dev.palisade.load.ManifestLoader;
import dev.palisade.model.Severity;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * User-defined rules: testdata/user-rules/ holds a configuration with several rules and manifests whose
 * {@code # expect:} markers give every finding; the configuration errors are checked one by one.
 */
class UserRulesTest {
    private static final Set<String> USER_RULES =
            Set.of("image-registry", "team-label", "no-host-network", "scrape-annotation", "two-replicas",
                    "resource-limits", "service-labels");

    private static Path dir() {
        return Fixtures.testdata().resolve("user-rules");
    }

    private static LintReport lintFixtures() {
        PalisadeConfig config = Fixtures.configFor(dir());
        Engine engine = new Engine(Fixtures.CATALOG, config);
        ManifestLoader loader = new ManifestLoader();
        return engine.lint(Fixtures.manifests(dir()).stream().map(loader::load).toList());
    }

    @Test
    void findingsMatchTheMarkers() {
        LintReport report = lintFixtures();
        List<Fixtures.Expected> expected = new ArrayList<>();
        for (Path file : Fixtures.manifests(dir())) {
            expected.addAll(Fixtures.expectations(file, USER_RULES::contains));
        }
        List<Finding> relevant = report.findings().stream()
                .filter(f -> USER_RULES.contains(f.rule()) || f.rule().equals("internal-error")
                        || f.rule().equals("suppression-unused"))
                .toList();
        String diff = Fixtures.diff(expected, relevant);
        if (!diff.isEmpty()) {
            fail("user-rules fixtures do not give the expected findings:" + diff);
        }
    }

    @Test
    void findingsCarryTheRulesMetadataAndOverrides() {
        LintReport report = lintFixtures();
        Finding image = report.findings().stream().filter(f -> f.rule().equals("image-registry")).findFirst().orElseThrow();
        assertEquals(Severity.WARNING, image.severity());
        assertEquals("Push the image to registry.example.com and pull it from there.", image.remediation());
        assertEquals("Deployment", image.object().kind());
        assertEquals("spec.template.spec.containers[0].image", image.path());
        assertTrue(report.findings().stream().filter(f -> f.rule().equals("two-replicas"))
                .allMatch(f -> f.severity() == Severity.ERROR), "severity override in rules: applies");
        assertTrue(Fixtures.CATALOG.get("image-registry").isEmpty(), "user rules do not leak into the built-in catalog");
    }

    private static List<String> problems(String yaml) {
        ConfigException e = assertThrows(ConfigException.class,
                () -> new ConfigLoader(Fixtures.CATALOG, Set.of()).parse(".palisade.yaml", yaml));
        return e.problems();
    }

    private static void assertProblem(List<String> problems, String fragment) {
        assertTrue(problems.stream().anyMatch(p -> p.contains(fragment)), "no problem mentions '" + fragment + "': " + problems);
    }

    @Test
    void everyProblemOfEveryRuleIsListed() {
        List<String> problems = problems("""
                customRules:
                  bare-pod:
                    severity: warning
                    message: clash
                    target: Pod
                    schema: {}
                  Bad_Id:
                    severity: warning
                    message: bad id
                    target: Pod
                    schema: {}
                  sloppy:
                    severity: danger
                    failureMessage: Polaris key
                    target: [Deployment, Container]
                    containers: {exclude: [sidecar]}
                    schema: {type: 5}
                """);
        assertProblem(problems, "line 2, column 3: custom rule 'bare-pod' has the id of a built-in rule");
        assertProblem(problems, "custom rule id 'Bad_Id' must be lower-case");
        assertProblem(problems, "severity must be error, warning or info");
        assertProblem(problems, "unknown key 'failureMessage'");
        assertProblem(problems, "Polaris's failureMessage is 'message' here");
        assertProblem(problems, "message is required");
        assertProblem(problems, "target 'Container' is not a kind");
        assertProblem(problems, "containers only applies to the targets");
        assertProblem(problems, "schema is not valid");
        assertTrue(problems.size() >= 8, problems.toString());
    }

    @Test
    void remoteReferencesAreRefused() {
        List<String> problems = problems("""
                customRules:
                  remote:
                    severity: warning
                    message: remote
                    target: Pod
                    schema:
                      properties:
                        spec: {$ref: "https://example.com/pod.json"}
                        metadata: {$ref: "other.json#/defs/meta"}
                """);
        assertProblem(problems, "'https://example.com/pod.json' refers outside the schema");
        assertProblem(problems, "'other.json#/defs/meta' refers outside the schema");
    }

    @Test
    void unknownDialectsAndTemplatesAreRefused() {
        List<String> problems = problems("""
                customRules:
                  odd-dialect:
                    severity: info
                    message: m
                    target: Pod
                    schema: {$schema: "https://example.com/my-dialect"}
                  templated:
                    severity: info
                    message: m
                    target: Controller
                    schemaString: |
                      properties: {metadata: {const: "{{ .metadata.name }}"}}
                  both:
                    severity: info
                    message: m
                    target: Controller
                """);
        assertProblem(problems, "is not a supported dialect");
        assertProblem(problems, "Go templates");
        assertProblem(problems, "give exactly one of schema");
    }

    @Test
    void resourceBoundsMustBeQuantities() {
        List<String> problems = problems("""
                customRules:
                  bounds:
                    severity: info
                    message: m
                    target: Container
                    schema: {properties: {resources: {properties: {limits: {properties: {cpu: {resourceMaximum: lots}}}}}}}
                """);
        assertProblem(problems, "resourceMaximum must be a Kubernetes quantity");
    }

    @Test
    void rulesAndExemptionsMayNameUserRulesButNotUnknownIds() {
        List<String> problems = problems("""
                rules:
                  mine: {severity: error}
                  not-a-rule: off
                exemptions:
                  - rules: [mine]
                    reason: fine
                customRules:
                  mine:
                    severity: info
                    message: m
                    target: Pod
                    schema: {}
                """);
        assertEquals(1, problems.size(), problems.toString());
        assertProblem(problems, "unknown rule 'not-a-rule'");
    }

    @Test
    void aValidSectionLoadsIntoTheConfigAndTheEngineCatalog() throws ConfigException {
        PalisadeConfig config = new ConfigLoader(Fixtures.CATALOG, Set.of()).parse(".palisade.yaml", """
                customRules:
                  mine:
                    severity: info
                    category: Reliability
                    message: m
                    target: apps/Deployment
                    schema: true
                """);
        assertEquals(1, config.userRules().size());
        RuleCatalog withUser = new Engine(Fixtures.CATALOG, config).catalog();
        assertEquals("reliability", withUser.get("mine").orElseThrow().meta().category());
        assertEquals(".palisade.yaml#mine", withUser.get("mine").orElseThrow().meta().docs());
    }
}
