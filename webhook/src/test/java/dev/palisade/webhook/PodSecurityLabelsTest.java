package dev.palisade.webhook;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.palisade.engine.RuleCatalog;
import dev.palisade.rules.pss.PssRunAsNonRoot;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The webhook applies the Pod Security labels of the target namespace, read from the Namespace
 * informer: the same pod is denied where the namespace enforces restricted and only warned where no
 * label is set (restricted controls are warnings by default).
 */
class PodSecurityLabelsTest {
    @TempDir
    Path dir;

    @Test
    void namespaceLabelsFromTheInformerSelectTheProfile() throws Exception {
        ObjectNode locked = WebhookServerTest.namespace("locked", null);
        ((ObjectNode) locked.path("metadata")).putObject("labels").put("pod-security.kubernetes.io/enforce", "restricted");
        try (FakeApiServer api = new FakeApiServer()
                .with("/api/v1/namespaces", List.of(WebhookServerTest.namespace("shop", null), locked))) {
            InformerIndex index = InformerIndexTest.informers(api);
            InformerIndexTest.awaitSettled(index);
            RuleCatalog catalog = RuleCatalog.of(List.of(new PssRunAsNonRoot()));
            try (Harness h = new Harness(dir, "rules: {}\n", index, 64 * 1024, catalog)) {
                JsonNode inShop = h.review(Harness.fixture("pod-create.json"));
                assertTrue(inShop.path("allowed").asBoolean(), inShop.toString());
                assertTrue(inShop.path("warnings").toString().contains("(pss-run-as-non-root)"), inShop.toString());

                ObjectNode review = Harness.fixture("pod-create.json");
                WebhookServerTest.setNamespace(review, "locked");
                JsonNode inLocked = h.review(review);
                assertFalse(inLocked.path("allowed").asBoolean(), inLocked.toString());
                assertTrue(inLocked.path("status").path("message").asText().contains("[pss-run-as-non-root]"),
                        inLocked.toString());
            }
        }
    }
}
