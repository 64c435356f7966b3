package dev.palisade.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * lint's Helm and Kustomize options end to end (the renderers themselves are tested in RenderTest).
 * Needs helm/kubectl on PATH ({@code eval "$(.ci/tools)"} installs them); skipped otherwise.
 */
class RenderWiringTest {
    private static final String CHART = "testdata/helm/web";
    private static final String OVERLAY = "testdata/kustomize/overlays/prod";

    @Test
    void helmChartOptionRendersAndMapsFindingsToTemplates() throws Exception {
        assumeTrue(onPath("helm"), "helm not on PATH");
        CliRunner.Result r = CliRunner.run("lint", "-f", "json", "--rule", "bare-pod", "--helm-chart", CHART,
                "--set", "replicas=3", "--release", "shop", "--namespace", "shop");
        JsonNode f = only(r, "bare-pod");
        assertEquals(CHART + "/templates/service.yaml", f.path("file").asText());
        assertEquals(14, f.path("line").asInt());
        assertEquals("shop-debug", f.path("object").path("name").asText(), "--release names the objects");
        assertEquals("shop", f.path("object").path("namespace").asText());
    }

    @Test
    void chartFolderGivenAsPathIsRenderedUnlessNoRender() throws Exception {
        assumeTrue(onPath("helm"), "helm not on PATH");
        JsonNode f = only(CliRunner.run("lint", "-f", "json", "--rule", "bare-pod", CHART), "bare-pod");
        assertEquals(CHART + "/templates/service.yaml", f.path("file").asText());
        assertEquals("release-debug", f.path("object").path("name").asText());

        CliRunner.Result raw = CliRunner.run("lint", "-f", "json", "--no-render", CHART);
        List<String> rules = new ArrayList<>();
        new ObjectMapper().readTree(raw.out()).path("findings").forEach(x -> rules.add(x.path("rule").asText()));
        assertTrue(rules.contains("manifest-kind-missing"), "Chart.yaml and values.yaml are no manifests: " + raw);
    }

    @Test
    void valuesFilesAreHandedToHelm(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        assumeTrue(onPath("helm"), "helm not on PATH");
        Path values = Files.writeString(tmp.resolve("v.yaml"), "port: 9090\n");
        CliRunner.Result r = CliRunner.run("lint", "--helm-chart", CHART, "--values", values.toString(), "--rule", "bare-pod");
        assertTrue(r.exit() <= 1, r::toString);
        CliRunner.Result bad = CliRunner.run("lint", "--helm-chart", CHART, "--values", tmp.resolve("missing.yaml").toString());
        assertEquals(2, bad.exit(), bad::toString);
        assertTrue(bad.err().startsWith("palisade: " + CHART + ": helm template"), bad::toString);
    }

    @Test
    void kustomizeOptionAndKustomizationFolderMapToResourceFiles() throws Exception {
        assumeTrue(onPath("kubectl") || onPath("kustomize"), "neither kubectl nor kustomize on PATH");
        for (String[] args : List.of(new String[] {"--kustomize", OVERLAY}, new String[] {OVERLAY})) {
            List<String> argv = new ArrayList<>(List.of("lint", "-f", "json", "--rule", "bare-pod"));
            argv.addAll(List.of(args));
            JsonNode f = only(CliRunner.run(argv.toArray(String[]::new)), "bare-pod");
            assertEquals("testdata/kustomize/base/pod.yaml", f.path("file").asText());
            assertEquals(2, f.path("line").asInt());
            assertEquals("prod-debug", f.path("object").path("name").asText());
        }
    }

    @Test
    void notAChartOrKustomizationIsExitTwo() {
        CliRunner.Result chart = CliRunner.run("lint", "--helm-chart", "testdata/demo");
        assertEquals(2, chart.exit());
        assertTrue(chart.err().contains("testdata/demo: not a Helm chart (no Chart.yaml)"), chart::toString);
        CliRunner.Result kust = CliRunner.run("lint", "--kustomize", "testdata/demo");
        assertEquals(2, kust.exit());
        assertTrue(kust.err().contains("not a kustomization"), kust::toString);
    }

    private static JsonNode only(CliRunner.Result r, String rule) throws Exception {
        assertTrue(r.exit() <= 1, r::toString);
        List<JsonNode> hits = new ArrayList<>();
        new ObjectMapper().readTree(r.out()).path("findings").forEach(f -> {
            if (f.path("rule").asText().equals(rule)) {
                hits.add(f);
            }
        });
        assertEquals(1, hits.size(), r::toString);
        return hits.get(0);
    }

    static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        return path != null && java.util.Arrays.stream(path.split(File.pathSeparator))
                .map(d -> Path.of(d, tool)).anyMatch(Files::isExecutable);
    }
}
