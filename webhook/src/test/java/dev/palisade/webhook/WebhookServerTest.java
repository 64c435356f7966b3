package dev.palisade.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.palisade.index.LintSetIndex;
import dev.palisade.index.ObjectIndex;
import dev.palisade.model.ManifestObject;
import dev.palisade.model.PositionIndex;
import dev.palisade.model.TypedModels;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real HTTPS requests against a running webhook, one behaviour of issue 4 per test. */
class WebhookServerTest {
    static final String CONFIG = """
            rules:
              test-image-latest: on
              test-single-replica: on
              test-explodes: on
              test-service-selects-nothing: on
            webhook:
              mode: enforce
              exemptNamespaces: [kube-system]
              exemptUsers: ["system:serviceaccount:flux-system:kustomize-controller"]
            """;
    static final String LATEST = "registry.example.com/shop/checkout:latest";

    @TempDir
    static Path dir;
    static Harness h;

    @BeforeAll
    static void start() throws Exception {
        h = new Harness(dir, CONFIG, testIndex());
    }

    @AfterAll
    static void stop() throws Exception {
        h.close();
    }

    /** A test ObjectIndex: the shop's Deployment and namespaces whose labels pick a mode. */
    static ClusterIndex testIndex() throws Exception {
        List<ManifestObject> objects = List.of(
                manifest(Harness.object(Harness.fixture("deployment-create.json"))),
                manifest(namespace("relaxed", "warn")), manifest(namespace("watched", "audit")),
                manifest(namespace("shop", null)));
        LintSetIndex lint = new LintSetIndex(objects);
        return new ClusterIndex() {
            @Override
            public Map<String, Boolean> syncState() {
                return Map.of("Test", true);
            }

            @Override
            public List<String> pending() {
                return List.of();
            }

            @Override
            public void close() {
            }

            @Override
            public List<ManifestObject> list(String kind, String namespace) {
                return lint.list(kind, namespace);
            }

            @Override
            public List<ManifestObject> podTemplates(String namespace, Predicate<Map<String, String>> matches) {
                return lint.podTemplates(namespace, matches);
            }

            @Override
            public boolean covers(String kind) {
                return true;
            }
        };
    }

    static ObjectNode namespace(String name, String mode) {
        ObjectNode ns = TypedModels.MAPPER.createObjectNode().put("apiVersion", "v1").put("kind", "Namespace");
        ObjectNode md = ns.putObject("metadata").put("name", name);
        if (mode != null) {
            md.putObject("labels").put("palisade.dev/mode", mode);
        }
        return ns;
    }

    static ManifestObject manifest(ObjectNode tree) {
        return new ManifestObject("test", tree, new PositionIndex(), "default");
    }

    static ObjectNode deployment(String image) throws Exception {
        ObjectNode review = Harness.fixture("deployment-create.json");
        container(Harness.object(review), 0).put("image", image);
        return review;
    }

    static ObjectNode container(ObjectNode workload, int i) {
        JsonNode spec = workload.path("kind").asText().equals("Pod") ? workload.path("spec")
                : workload.path("spec").path("template").path("spec");
        return (ObjectNode) spec.path("containers").path(i);
    }

    static void setNamespace(ObjectNode review, String ns) {
        ((ObjectNode) review.path("request")).put("namespace", ns);
        ((ObjectNode) Harness.object(review).path("metadata")).put("namespace", ns);
    }

    @Test
    void compliantDeploymentIsAllowedWithoutWarnings() throws Exception {
        JsonNode r = h.review(Harness.fixture("deployment-create.json"));
        assertTrue(r.path("allowed").asBoolean());
        assertFalse(r.has("warnings"), r.toString());
        assertFalse(r.has("status"));
    }

    @Test
    void errorFindingDeniesWith403RuleIdPathAndFix() throws Exception {
        JsonNode r = h.review(deployment(LATEST));
        assertFalse(r.path("allowed").asBoolean());
        assertEquals(403, r.path("status").path("code").asInt());
        String message = r.path("status").path("message").asText();
        assertTrue(message.contains("[test-image-latest] spec.template.spec.containers[0].image: image " + LATEST), message);
        assertTrue(message.contains("Fix: Pin the image to a version tag."), message);
        assertTrue(message.startsWith("palisade denied Deployment checkout: 1 violation"), message);
    }

    @Test
    void warningFindingIsAllowedWithOneLineWarning() throws Exception {
        ObjectNode review = Harness.fixture("deployment-create.json");
        ((ObjectNode) Harness.object(review).path("spec")).put("replicas", 1);
        JsonNode r = h.review(review);
        assertTrue(r.path("allowed").asBoolean());
        assertEquals("spec.replicas: a single replica is a single point of failure (test-single-replica)",
                r.path("warnings").path(0).asText());
    }

    @Test
    void updateDeniesOnlyNewViolations() throws Exception {
        ObjectNode review = Harness.fixture("deployment-update.json");
        ObjectNode old = (ObjectNode) review.path("request").path("oldObject");
        container(old, 0).put("image", LATEST);
        container(Harness.object(review), 0).put("image", LATEST);
        JsonNode scaleDown = h.review(review);
        assertTrue(scaleDown.path("allowed").asBoolean(), scaleDown.toString());
        String warnings = scaleDown.path("warnings").toString();
        assertTrue(warnings.contains("already present before this update] (test-image-latest)"), warnings);
        assertTrue(warnings.contains("(test-single-replica)"), warnings);

        container(Harness.object(review), 1).put("image", "registry.example.com/shop/metrics-proxy:latest");
        JsonNode newViolation = h.review(review);
        assertFalse(newViolation.path("allowed").asBoolean());
        String message = newViolation.path("status").path("message").asText();
        assertTrue(message.contains("containers[1].image"), message);
        assertFalse(message.contains("containers[0].image"), message);
    }

    @Test
    void deleteIsAllowedWithoutEvaluation() throws Exception {
        ObjectNode review = Harness.fixture("pod-delete.json");
        container((ObjectNode) review.path("request").path("oldObject"), 0).put("image", "busybox:latest");
        JsonNode r = h.review(review);
        assertTrue(r.path("allowed").asBoolean());
        assertFalse(r.has("warnings"));
    }

    @Test
    void unknownKindIsAllowed() throws Exception {
        JsonNode r = h.review(Harness.fixture("certificate-create.json"));
        assertTrue(r.path("allowed").asBoolean());
        assertFalse(r.has("warnings"));
    }

    @Test
    void v1beta1IsAnsweredInKind() throws Exception {
        ObjectNode review = Harness.fixture("deployment-create-v1beta1.json");
        container(Harness.object(review), 0).put("image", LATEST);
        JsonNode r = h.review(review); // the harness checks apiVersion admission.k8s.io/v1beta1 came back
        assertFalse(r.path("allowed").asBoolean());
        assertEquals(403, r.path("status").path("code").asInt());
    }

    @Test
    void controllerOwnedPodIsNotJudgedTwice() throws Exception {
        ObjectNode review = Harness.fixture("pod-owned-create.json");
        container(Harness.object(review), 0).put("image", LATEST);
        assertTrue(h.review(review).path("allowed").asBoolean());
    }

    @Test
    void exemptNamespacesAndUsersAreNotJudged() throws Exception {
        ObjectNode inKubeSystem = deployment(LATEST);
        setNamespace(inKubeSystem, "kube-system");
        assertTrue(h.review(inKubeSystem).path("allowed").asBoolean());
        ObjectNode inOwnNamespace = deployment(LATEST);
        setNamespace(inOwnNamespace, "palisade-system");
        assertTrue(h.review(inOwnNamespace).path("allowed").asBoolean());
        ObjectNode byFlux = deployment(LATEST);
        ((ObjectNode) byFlux.path("request").path("userInfo"))
                .put("username", "system:serviceaccount:flux-system:kustomize-controller");
        assertTrue(h.review(byFlux).path("allowed").asBoolean());
    }

    @Test
    void namespaceLabelOverridesMode() throws Exception {
        ObjectNode relaxed = deployment(LATEST);
        setNamespace(relaxed, "relaxed");
        JsonNode warn = h.review(relaxed);
        assertTrue(warn.path("allowed").asBoolean());
        assertTrue(warn.path("warnings").path(0).asText().endsWith("(test-image-latest)"), warn.toString());

        ObjectNode watched = deployment(LATEST);
        setNamespace(watched, "watched");
        JsonNode audit = h.review(watched);
        assertTrue(audit.path("allowed").asBoolean());
        assertFalse(audit.has("warnings"), audit.toString());
    }

    @Test
    void warningsStayOneLineAndWithinTheApiServerLimit() throws Exception {
        ObjectNode review = deployment(LATEST);
        setNamespace(review, "relaxed");
        ArrayNode containers = (ArrayNode) Harness.object(review).path("spec").path("template").path("spec").path("containers");
        for (int i = 0; i < 300; i++) {
            containers.addObject().put("name", "c" + i).put("image", "example.com/line\nbreak/" + "x".repeat(40) + i + ":latest");
        }
        JsonNode r = h.review(review);
        int runes = 0;
        for (JsonNode w : r.path("warnings")) {
            assertFalse(w.asText().chars().anyMatch(Character::isISOControl), w.asText());
            runes += w.asText().codePointCount(0, w.asText().length());
        }
        assertTrue(runes <= 4096, "warnings total " + runes + " runes");
        String last = r.path("warnings").path(r.path("warnings").size() - 1).asText();
        assertTrue(last.contains("more finding(s) not shown"), last);
    }

    @Test
    void ruleExceptionSkipsTheRuleWithWarningAndMetricNeverA500() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        JsonLog.redirect(new PrintStream(log, true, StandardCharsets.UTF_8));
        try {
            ObjectNode review = deployment(LATEST);
            ((ObjectNode) Harness.object(review).path("metadata").path("labels")).put("test/explode", "true");
            JsonNode r = h.review(review);
            assertFalse(r.path("allowed").asBoolean(), "the other rules still ran and deny");
            assertTrue(r.path("warnings").toString().contains("rule test-explodes failed on this object and was skipped"),
                    r.toString());
        } finally {
            JsonLog.redirect(System.out);
        }
        assertTrue(h.health("/metrics").body().contains("palisade_webhook_rule_errors_total{rule=\"test-explodes\"}"));
        String logged = log.toString(StandardCharsets.UTF_8);
        assertTrue(logged.contains("\"decision\":\"denied\""), logged);
        assertFalse(logged.contains("secret-value"), "the object's content reached the log: " + logged);
        assertFalse(logged.contains("registry.example.com"), "the object's content reached the log: " + logged);
    }

    @Test
    void malformedJsonIs400WithReason() throws Exception {
        HttpResponse<String> r = h.post("{\"apiVersion\": \"admission.k8s.io/v1\", ".getBytes(), "application/json", null);
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("body is not valid JSON"), r.body());
        HttpResponse<String> notReview = h.post("[1,2]".getBytes(), "application/json", null);
        assertEquals(400, notReview.statusCode());
    }

    @Test
    void missingUidIs400() throws Exception {
        ObjectNode review = Harness.fixture("deployment-create.json");
        ((ObjectNode) review.path("request")).remove("uid");
        HttpResponse<String> r = h.post(TypedModels.MAPPER.writeValueAsBytes(review), "application/json", null);
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("request.uid is missing"), r.body());
    }

    @Test
    void wrongContentTypeIs415() throws Exception {
        byte[] body = Files.readAllBytes(Harness.ADMISSION.resolve("deployment-create.json"));
        assertEquals(415, h.post(body, "text/plain", null).statusCode());
        assertEquals(415, h.post(body, null, null).statusCode());
        assertEquals(200, h.post(body, "application/json; charset=utf-8", null).statusCode());
    }

    @Test
    void oversizeBodyIs413() throws Exception {
        byte[] big = new byte[100 * 1024];
        java.util.Arrays.fill(big, (byte) ' ');
        HttpResponse<String> r = h.post(big, "application/json", null);
        assertEquals(413, r.statusCode(), r.body());
    }

    @Test
    void reviewPastTheDeadlineFailsOpenBeforeTheApiServerTimeout() throws Exception {
        ObjectNode review = deployment(LATEST);
        ((ObjectNode) Harness.object(review).path("metadata").path("labels")).put("test/sleep-ms", "3000");
        long start = System.nanoTime();
        HttpResponse<String> r = h.post(TypedModels.MAPPER.writeValueAsBytes(review), "application/json", "timeout=2s");
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertEquals(200, r.statusCode());
        JsonNode resp = TypedModels.MAPPER.readTree(r.body()).path("response");
        assertTrue(resp.path("allowed").asBoolean(), r.body());
        assertTrue(resp.path("warnings").path(0).asText().contains("deadline"), r.body());
        assertTrue(ms >= 1700 && ms < 2000, "answered after " + ms + " ms; the API server gives up at 2 s");
    }

    @Test
    void slowClientGets408WhileOthersAreServed() throws Exception {
        byte[] body = Files.readAllBytes(Harness.ADMISSION.resolve("deployment-create.json"));
        SSLSocket s = (SSLSocket) Pki.trusting(List.of(h.cert)).getSocketFactory().createSocket("127.0.0.1", h.server.port());
        s.setSoTimeout(5000);
        OutputStream out = s.getOutputStream();
        out.write(("POST /validate?timeout=1s HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(body, 0, 100);
        out.flush();
        long start = System.nanoTime();
        assertEquals(200, h.post(body, "application/json", null).statusCode(), "a slow client blocks nobody");
        InputStream in = s.getInputStream();
        String head = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertEquals("HTTP/1.1 408", head);
        assertTrue(ms < 2000, "408 after " + ms + " ms");
        s.close();
    }

    @Test
    void healthReadinessAndMetrics() throws Exception {
        h.review(deployment(LATEST));
        assertEquals(200, h.health("/healthz").statusCode());
        assertEquals("ready\n", h.health("/readyz").body());
        String metrics = h.health("/metrics").body();
        assertTrue(metrics.contains("palisade_webhook_requests_total{decision=\"denied\",kind=\"Deployment\",operation=\"CREATE\"}"), metrics);
        assertTrue(metrics.contains("palisade_webhook_request_duration_seconds_bucket{decision=\"denied\",kind=\"Deployment\",operation=\"CREATE\",le=\"+Inf\"}"), metrics);
        assertTrue(metrics.contains("palisade_webhook_findings_total{rule=\"test-image-latest\",severity=\"error\"}"), metrics);
        assertTrue(metrics.contains("palisade_webhook_cache_synced{kind=\"Test\"} 1"), metrics);
    }

    @Test
    void productRuleJudgesLikeTheCli() throws Exception {
        JsonNode r = h.review(Harness.fixture("pod-create.json"));
        assertTrue(r.path("allowed").asBoolean());
        assertTrue(r.path("warnings").toString().contains("(bare-pod)"), r.toString());
    }
}
