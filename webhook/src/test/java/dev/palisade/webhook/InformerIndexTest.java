package dev.palisade.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cross-object index from real fabric8 informers, listing and watching a fake API server. */
class InformerIndexTest {
    static final String CONFIG = "rules: {test-service-selects-nothing: on, test-image-latest: on}\n";

    @TempDir
    Path dir;

    static InformerIndex informers(FakeApiServer api) {
        return new InformerIndex(new KubernetesClientBuilder().withConfig(new ConfigBuilder()
                .withMasterUrl(api.url()).withNamespace("default").withRequestRetryBackoffLimit(0).build()).build());
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
}
