package dev.palisade.rules.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.palisade.config.PalisadeConfig.SchemaOptions;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaRegistryTest {
    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            byte[] body = "{\"type\":\"object\",\"properties\":{\"size\":{\"type\":\"integer\"}},\"additionalProperties\":false}"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Test
    void remoteRefIsRefusedWithoutNetworkAndNothingIsFetched(@TempDir Path dir) throws IOException {
        writeSchemaWithRemoteRef(dir);
        SchemaOptions offline = new SchemaOptions(null, List.of(), List.of(dir + "/{{.ResourceKind}}.json"), false, false);
        // The reference is resolved when first needed; resolving it must fail without a request.
        RuntimeException e = assertThrows(RuntimeException.class, () -> SchemaRegistry.forOptions(offline)
                .fromLocations("example.com/v1", "Gizmo").orElseThrow().schema()
                .validate(new com.fasterxml.jackson.databind.ObjectMapper().readTree("{\"spec\":{\"size\":1}}")));
        assertTrue(e.getMessage().contains("refused"), e.getMessage());
        assertEquals(0, requests.get(), "no request may reach the network without --allow-network");
    }

    @Test
    void remoteRefIsFetchedWithAllowNetwork(@TempDir Path dir) throws IOException {
        writeSchemaWithRemoteRef(dir);
        SchemaOptions online = new SchemaOptions(null, List.of(), List.of(dir + "/{{.ResourceKind}}.json"), true, false);
        SchemaRegistry.Compiled c = SchemaRegistry.forOptions(online).fromLocations("example.com/v1", "Gizmo").orElseThrow();
        var errors = c.schema().validate(new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree("{\"spec\":{\"size\":\"big\"}}"));
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(requests.get() > 0);
    }

    @Test
    void httpLocationsAreSkippedWithoutNetwork() {
        SchemaOptions offline = new SchemaOptions(null, List.of(), List.of(base() + "/{{.ResourceKind}}.json"), false, false);
        assertTrue(SchemaRegistry.forOptions(offline).fromLocations("example.com/v1", "Gizmo").isEmpty());
        assertEquals(0, requests.get());
    }

    private void writeSchemaWithRemoteRef(Path dir) throws IOException {
        Files.writeString(dir.resolve("gizmo.json"), "{\"type\":\"object\",\"properties\":{\"spec\":{\"$ref\":\""
                + base() + "/spec.json\"}}}");
    }

    @Test
    void targetVersionDefaultsToNewestAndRejectsUnbundled() {
        assertEquals(BundledSchemas.newest(), SchemaRegistry.targetVersion(SchemaOptions.DEFAULT));
        assertEquals("1.34", SchemaRegistry.targetVersion(new SchemaOptions("v1.34.2", List.of(), List.of(), false, false)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SchemaRegistry.targetVersion(new SchemaOptions("1.20", List.of(), List.of(), false, false)));
        assertTrue(e.getMessage().contains("bundled"), e.getMessage());
    }

    @Test
    void optionProblemsAreReportedBeforeARun() {
        assertTrue(SchemaRegistry.checkOptions(SchemaOptions.DEFAULT).isEmpty());
        List<String> problems = SchemaRegistry.checkOptions(new SchemaOptions("1.20", List.of("/no/such/crds"),
                List.of("https://example.com/{{.ResourceKind}}.json", "/x/{{.Bogus}}.json"), false, false));
        assertEquals(4, problems.size(), problems.toString());
    }

    @Test
    void bundlesAtLeastFourMinorsWithTheirProvenance() {
        List<BundledSchemas.Version> versions = BundledSchemas.versions();
        assertTrue(versions.size() >= 4, versions.toString());
        versions.forEach(v -> assertTrue(v.source().startsWith("io.kubernetes:client-java-api:"), v.toString()));
        versions.forEach(v -> assertNotNull(BundledSchemas.rootFor(v.kubernetesVersion(), "apps/v1", "Deployment")));
        assertNull(BundledSchemas.rootFor(BundledSchemas.newest(), "extensions/v1beta1", "Deployment"));
    }

    @Test
    void kubeconformTemplatesExpandLikeKubeconform() {
        assertEquals("/s/v1.34.0-standalone-strict/deployment-apps-v1.json",
                SchemaLocations.expand("/s", "apps/v1", "Deployment", "1.34", true));
        assertEquals("/s/v1.34.0-standalone/service-v1.json",
                SchemaLocations.expand("/s/", "v1", "Service", "1.34", false));
        assertEquals("/c/cert-manager.io/certificate_v1.json",
                SchemaLocations.expand("/c/{{.Group}}/{{ .ResourceKind }}_{{.ResourceAPIVersion}}.json",
                        "cert-manager.io/v1", "Certificate", "1.34", true));
        assertThrows(IllegalArgumentException.class,
                () -> SchemaLocations.expand("/c/{{.Nope}}.json", "v1", "Pod", "1.34", true));
    }

    @Test
    void suggestionsAreCloseMatchesOnly() throws IOException {
        var known = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree("{\"containers\":{},\"replicas\":{},\"image\":{},\"name\":{}}");
        assertEquals("containers", Suggestions.closest("contianers", known));
        assertEquals("replicas", Suggestions.closest("replica", known));
        assertEquals("image", Suggestions.closest("Image", known));
        assertNull(Suggestions.closest("frobnicate", known));
        assertNull(Suggestions.closest("nmae2x", known));
    }
}
