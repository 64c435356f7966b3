package dev.palisade.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.palisade.engine.RuleCatalog;
import dev.palisade.model.TypedModels;
import dev.palisade.rules.controllers.BarePod;
import dev.palisade.webhook.testrules.TestExplodes;
import dev.palisade.webhook.testrules.TestImageLatest;
import dev.palisade.webhook.testrules.TestServiceSelectsNothing;
import dev.palisade.webhook.testrules.TestSingleReplica;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;

/** A real webhook server on random loopback ports with a fresh certificate, and an HTTPS client for it. */
final class Harness implements AutoCloseable {
    static final Path ADMISSION = Path.of("..", "testdata", "admission");
    /**
     * The test rules plus one real rule: the tests are about the webhook, so they must not change
     * when rules are added to the product (the SIGTERM test runs the full catalog through Main).
     */
    static final RuleCatalog CATALOG = RuleCatalog.of(List.of(new TestImageLatest(), new TestSingleReplica(),
            new TestExplodes(), new TestServiceSelectsNothing(), new BarePod()));

    final Path dir;
    final X509Certificate cert;
    final WebhookServer server;
    final HttpClient client;

    Harness(Path dir, String config, ClusterIndex index) throws Exception {
        this(dir, config, index, 64 * 1024);
    }

    Harness(Path dir, String config, ClusterIndex index, int maxBody) throws Exception {
        this(dir, config, index, maxBody, CATALOG);
    }

    Harness(Path dir, String config, ClusterIndex index, int maxBody, RuleCatalog catalog) throws Exception {
        this.dir = dir;
        this.cert = Pki.selfSigned(dir, "tls");
        Files.writeString(dir.resolve("palisade.yaml"), config);
        WebhookServer.Options o = new WebhookServer.Options(dir.resolve("palisade.yaml"), dir.resolve("tls.crt"),
                dir.resolve("tls.key"), null, "127.0.0.1", 0, 0, 1, 2, 64, maxBody, Duration.ofMillis(200),
                Duration.ofSeconds(5), false);
        this.server = new WebhookServer(o, catalog, index, "palisade-system");
        server.start();
        this.client = client(Pki.trusting(List.of(cert)));
    }

    static HttpClient client(javax.net.ssl.SSLContext ssl) {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(ssl)
                .connectTimeout(Duration.ofSeconds(30)).build();
    }

    URI validate(String query) {
        return URI.create("https://localhost:" + server.port() + "/validate" + (query == null ? "" : "?" + query));
    }

    HttpResponse<String> post(byte[] body, String contentType, String query) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(validate(query)).timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Posts a review and returns its parsed answer, checking the envelope every answer must have. */
    JsonNode review(JsonNode review) throws Exception {
        HttpResponse<String> r = post(TypedModels.MAPPER.writeValueAsBytes(review), "application/json", "timeout=10s");
        if (r.statusCode() != 200) {
            throw new AssertionError("HTTP " + r.statusCode() + ": " + r.body());
        }
        JsonNode answer = TypedModels.MAPPER.readTree(r.body());
        if (!answer.path("apiVersion").asText().equals(review.path("apiVersion").asText())
                || !answer.path("kind").asText().equals("AdmissionReview")
                || !answer.path("response").path("uid").asText().equals(review.path("request").path("uid").asText())
                || answer.path("response").has("patch")) {
            throw new AssertionError("bad envelope: " + answer);
        }
        return answer.path("response");
    }

    HttpResponse<String> health(String path) throws Exception {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.healthPort() + path)).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static ObjectNode fixture(String name) throws Exception {
        return (ObjectNode) TypedModels.MAPPER.readTree(Files.readAllBytes(ADMISSION.resolve(name)));
    }

    /** The object inside a review (request.object). */
    static ObjectNode object(ObjectNode review) {
        return (ObjectNode) review.path("request").path("object");
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
