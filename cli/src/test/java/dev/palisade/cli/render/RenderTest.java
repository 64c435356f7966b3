package dev.palisade.cli.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.palisade.config.PalisadeConfig;
import dev.palisade.engine.Engine;
import dev.palisade.engine.Finding;
import dev.palisade.engine.RuleCatalog;
import dev.palisade.load.ManifestLoader;
import dev.palisade.load.SourceFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Helm and Kustomize input: rendering, and findings mapped back to the files people edit. */
class RenderTest {
    private static final Path TESTDATA = findTestdata();
    private final ManifestLoader loader = new ManifestLoader();

    private static Path findTestdata() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("testdata/helm"))) {
                return p.resolve("testdata");
            }
        }
        throw new IllegalStateException("testdata not found");
    }

    @Test
    void helmOutputIsSplitByTemplateWithTemplateLines() {
        String rendered = """
                ---
                # Source: web/templates/service.yaml
                apiVersion: v1
                kind: Service
                ---
                # Source: web/templates/service.yaml
                apiVersion: v1
                kind: Pod
                ---
                # Source: web/charts/db/templates/db.yaml
                apiVersion: v1
                kind: Secret
                """;
        Map<String, String> split = HelmRenderer.split(rendered, Path.of("charts/web"));
        assertEquals(List.of("charts/web/templates/service.yaml", "charts/web/charts/db/templates/db.yaml"),
                List.copyOf(split.keySet()));
        assertEquals("apiVersion: v1\nkind: Service\n---\napiVersion: v1\nkind: Pod\n",
                split.get("charts/web/templates/service.yaml"));
    }

    @Test
    void helmFindingsPointIntoTemplates() throws RenderException {
        assumeTrue(Tool.onPath("helm").isPresent(), "helm not on PATH");
        Path chart = TESTDATA.resolve("helm/web");
        List<SourceFile> files = HelmRenderer.render(
                new HelmRenderer.Request(chart, List.of(), List.of("replicas=3"), "rel", "shop"), loader);
        List<Finding> findings = lint(files);
        Finding bare = only(findings, "bare-pod");
        assertEquals(chart.resolve("templates/service.yaml").toString(), bare.file());
        assertEquals(14, bare.line(), "kind: Pod is line 14 of templates/service.yaml");
    }

    @Test
    void helmFailureIsAClearError() {
        assumeTrue(Tool.onPath("helm").isPresent(), "helm not on PATH");
        RenderException e = org.junit.jupiter.api.Assertions.assertThrows(RenderException.class, () ->
                HelmRenderer.render(new HelmRenderer.Request(TESTDATA.resolve("helm/no-such-chart"), List.of(),
                        List.of(), null, null), loader));
        assertTrue(e.getMessage().startsWith("helm template"), e.getMessage());
    }

    @Test
    void kustomizeFindingsPointIntoResourceFiles() throws RenderException {
        assumeTrue(Tool.onPath("kubectl").isPresent() || Tool.onPath("kustomize").isPresent(), "no kustomize");
        Path overlay = TESTDATA.resolve("kustomize/overlays/prod");
        List<SourceFile> files = KustomizeRenderer.render(overlay, loader, "default");
        List<Finding> findings = lint(files);
        Finding bare = only(findings, "bare-pod");
        assertEquals(TESTDATA.resolve("kustomize/base/pod.yaml").normalize().toString(), bare.file());
        assertEquals(2, bare.line());
        assertEquals("prod", bare.object().namespace());
        assertEquals("prod-debug", bare.object().name());
        assertTrue(files.stream().anyMatch(f -> f.path().endsWith("(kustomize output)")
                && f.objects().stream().anyMatch(o -> o.kind().equals("ConfigMap"))),
                "generated objects are linted against the rendered output");
    }

    @Test
    void helmChartFromSharedCorporaRendersWhenPresent() throws RenderException {
        Path chart = TESTDATA.getParent().getParent().resolve("shared/corpora/microservices-demo/helm-chart");
        assumeTrue(Files.isDirectory(chart), "../shared/corpora/microservices-demo not present");
        assumeTrue(Tool.onPath("helm").isPresent(), "helm not on PATH");
        List<SourceFile> files = HelmRenderer.render(new HelmRenderer.Request(chart, List.of(), List.of(), "demo", null), loader);
        assertTrue(files.stream().mapToInt(f -> f.objects().size()).sum() > 10);
        assertTrue(lint(files).stream().noneMatch(f -> f.rule().equals("internal-error")));
    }

    private static List<Finding> lint(List<SourceFile> files) {
        return new Engine(RuleCatalog.load(), PalisadeConfig.DEFAULT).lint(files).findings();
    }

    private static Finding only(List<Finding> findings, String rule) {
        List<Finding> hits = findings.stream().filter(f -> f.rule().equals(rule)).toList();
        assertEquals(1, hits.size(), () -> rule + " findings: " + hits + " among " + findings);
        return hits.get(0);
    }
}
