package dev.palisade.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cross-object index from real fabric8 informers, listing and watching a fake API server. */
class InformerIndexTest {
    static final String CONFIG = "rules: {test-service-selects-nothing: on, test-image-latest: on}\n";

    @TempDir
    Path dir;

    static InformerIndex informers(FakeApiServer api) {
        return informers(api, Set.of());
    }

    static InformerIndex informers(FakeApiServer api, Set<String> uncached) {
        return new InformerIndex(new KubernetesClientBuilder().withConfig(new ConfigBuilder()
                .withMasterUrl(api.url()).withNamespace("default").withRequestRetryBackoffLimit(0).build()).build(),
                uncached);
    }

    static void awaitSettled(InformerIndex index) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!index.pending().isEmpty()) {
            assertTrue(System.nanoTime() < until, "informers never settled: " + index.pending());
            Thread.sleep(50);
        }
    }

    static ObjectNode service(String app) throws Exception {
        ObjectNode review = Harness.fixture("service-create.json");
        ObjectNode selector = (ObjectNode) Harness.object(review).path("spec").path("selector");
        selector.removeAll();
        selector.put("app.kubernetes.io/name", app);
        return review;
    }

    @Test
    void crossObjectRuleIsAnsweredFromInformerCaches() throws Exception {
        try (FakeApiServer api = new FakeApiServer()
                .with("/apis/apps/v1/deployments", List.of(Harness.object(Harness.fixture("deployment-create.json"))))
                .with("/api/v1/namespaces", List.of(WebhookServerTest.namespace("shop", null),
                        WebhookServerTest.namespace("relaxed", "warn")))) {
            InformerIndex index = informers(api);
            awaitSettled(index);
            assertTrue(index.coversWorkloads());
            assertEquals(1, index.list("Deployment", "shop").size());
            try (Harness h = new Harness(dir, CONFIG, index)) {
                assertEquals("ready\n", h.health("/readyz").body());
                JsonNode selectsCheckout = h.review(service("checkout"));
                assertTrue(selectsCheckout.path("allowed").asBoolean(), selectsCheckout.toString());

                JsonNode selectsNothing = h.review(service("ghost"));
                assertFalse(selectsNothing.path("allowed").asBoolean());
                assertTrue(selectsNothing.path("status").path("message").asText()
                        .contains("[test-service-selects-nothing] spec.selector"), selectsNothing.toString());

                ObjectNode inRelaxed = service("ghost");
                WebhookServerTest.setNamespace(inRelaxed, "relaxed");
                JsonNode warned = h.review(inRelaxed); // the namespace label, read from the Namespace informer
                assertTrue(warned.path("allowed").asBoolean(), warned.toString());
                assertTrue(warned.path("warnings").path(0).asText().endsWith("(test-service-selects-nothing)"));

                String metrics = h.health("/metrics").body();
                assertTrue(metrics.contains("palisade_webhook_cache_synced{kind=\"Deployment\"} 1"), metrics);
            }
        }
    }

    @Test
    void forbiddenCacheSkipsTheRuleAndDoesNotBlockReadiness() throws Exception {
        try (FakeApiServer api = new FakeApiServer().forbid("/api/v1/pods")
                .with("/apis/apps/v1/deployments", List.of(Harness.object(Harness.fixture("deployment-create.json"))))) {
            InformerIndex index = informers(api);
            awaitSettled(index);
            assertFalse(index.covers("Pod"));
            assertFalse(index.coversWorkloads());
            try (Harness h = new Harness(dir, CONFIG, index)) {
                assertEquals(200, h.health("/readyz").statusCode());
                JsonNode r = h.review(service("ghost"));
                assertTrue(r.path("allowed").asBoolean(), "without a Pod cache the rule cannot know: skipped");
                assertTrue(h.health("/metrics").body().contains("palisade_webhook_cache_synced{kind=\"Pod\"} 0"));
            }
        }
    }

    @Test
    void namespacesExemptAtStartAreNotCachedAndTheirRulesSkipUntilARestart() throws Exception {
        ObjectNode shop = Harness.object(Harness.fixture("deployment-create.json"));
        ObjectNode system = shop.deepCopy();
        ((ObjectNode) system.path("metadata")).put("namespace", "kube-system");
        try (FakeApiServer api = new FakeApiServer()
                .with("/apis/apps/v1/deployments", List.of(shop, system))
                .with("/api/v1/namespaces", List.of(WebhookServerTest.namespace("shop", null),
                        WebhookServerTest.namespace("legacy", null)))) {
            InformerIndex index = informers(api, Set.of("kube-system", "legacy"));
            awaitSettled(index);
            assertTrue(api.fieldSelectors("/apis/apps/v1/deployments").stream().allMatch(f ->
                    f.contains("metadata.namespace!=kube-system") && f.contains("metadata.namespace!=legacy")),
                    api.fieldSelectors("/apis/apps/v1/deployments").toString());
            assertEquals(List.of(""), api.fieldSelectors("/api/v1/namespaces").stream().distinct().toList(),
                    "cluster-scoped kinds are listed whole");
            assertEquals(1, index.list("Deployment", null).size(), "kube-system's Deployment never arrives");
            assertTrue(index.covers("Deployment", "shop"));
            assertFalse(index.covers("Deployment", "legacy"));
            assertTrue(index.covers("Namespace", "legacy"));
            ByteArrayOutputStream log = new ByteArrayOutputStream();
            JsonLog.redirect(new PrintStream(log, true, StandardCharsets.UTF_8));
            try (Harness h = new Harness(dir, CONFIG + "webhook: {exemptNamespaces: [kube-system, legacy]}\n", index)) {
                ObjectNode inLegacy = service("ghost");
                WebhookServerTest.setNamespace(inLegacy, "legacy");
                Files.writeString(dir.resolve("palisade.yaml"), CONFIG); // legacy judged from now on
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (!log.toString(StandardCharsets.UTF_8).contains("config.uncached-namespaces")) {
                    assertTrue(System.nanoTime() < until, "the reload never warned: " + log);
                    Thread.sleep(50);
                }
                assertTrue(log.toString(StandardCharsets.UTF_8).contains("\"namespaces\":[\"legacy\"]"), log::toString);
                // judged now, but its Pods are not cached: the rule is skipped, never answered "no pods there"
                JsonNode legacy = h.review(inLegacy);
                assertTrue(legacy.path("allowed").asBoolean(), legacy.toString());
                assertFalse(legacy.toString().contains("test-service-selects-nothing"), legacy.toString());
                JsonNode inShop = h.review(service("ghost"));
                assertFalse(inShop.path("allowed").asBoolean(), "a cached namespace is judged: " + inShop);
            } finally {
                JsonLog.redirect(System.out);
            }
        }
    }
}
