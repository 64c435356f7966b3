package dev.palisade.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.palisade.model.TypedModels;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reloads and shutdown while requests are in flight: nothing may fail. */
class LifecycleTest {
    static final String CONFIG = "rules: {test-image-latest: on, test-explodes: on}\nwebhook: {mode: enforce}\n";

    @TempDir
    Path dir;

    static byte[] slowReview(long sleepMs) throws Exception {
        ObjectNode review = WebhookServerTest.deployment(WebhookServerTest.LATEST);
        ((ObjectNode) Harness.object(review).path("metadata").path("labels")).put("test/sleep-ms", String.valueOf(sleepMs));
        return TypedModels.MAPPER.writeValueAsBytes(review);
    }

    static HttpRequest request(URI uri, byte[] body) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    /** Certificates rotate the way Kubernetes updates a Secret volume: a ..data symlink swap. */
    @Test
    void tlsReloadDuringTrafficDropsNothing() throws Exception {
        Path v1 = Files.createDirectory(dir.resolve("..v1"));
        X509Certificate first = Pki.selfSigned(v1, "tls");
        Files.createSymbolicLink(dir.resolve("..data"), v1.getFileName());
        Files.createSymbolicLink(dir.resolve("tls.crt"), Path.of("..data", "tls.crt"));
        Files.createSymbolicLink(dir.resolve("tls.key"), Path.of("..data", "tls.key"));
        Files.writeString(dir.resolve("palisade.yaml"), CONFIG);
        WebhookServer server = new WebhookServer(new WebhookServer.Options(dir.resolve("palisade.yaml"),
                dir.resolve("tls.crt"), dir.resolve("tls.key"), null, "127.0.0.1", 0, 0, 1, 2, 64, 1 << 20,
                Duration.ofMillis(100), Duration.ofSeconds(5), false), Harness.CATALOG, ClusterIndex.none(), null);
        server.start();
        try {
            Path v2 = Files.createDirectory(dir.resolve("..v2"));
            X509Certificate second = Pki.selfSigned(v2, "tls");
            var trustBoth = Pki.trusting(List.of(first, second));
            URI uri = URI.create("https://localhost:" + server.port() + "/validate");
            byte[] body = Files.readAllBytes(Harness.ADMISSION.resolve("deployment-create.json"));
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger ok = new AtomicInteger();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread traffic = new Thread(() -> {
                HttpClient keepAlive = Harness.client(trustBoth);
                while (!stop.get()) {
                    try {
                        // one kept-alive connection (old session) and one new connection (new handshake) per round
                        for (HttpClient c : List.of(keepAlive, Harness.client(trustBoth))) {
                            HttpResponse<String> r = c.send(request(uri, body), HttpResponse.BodyHandlers.ofString());
                            if (r.statusCode() != 200) {
                                throw new AssertionError("HTTP " + r.statusCode());
                            }
                            ok.incrementAndGet();
                        }
                    } catch (Throwable t) {
                        failure.compareAndSet(null, t);
                        return;
                    }
                }
            });
            traffic.start();
            Thread.sleep(300);
            Path swap = dir.resolve("..data_tmp");
            Files.createSymbolicLink(swap, v2.getFileName());
            Files.move(swap, dir.resolve("..data"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!servedCertificate(trustBoth, server.port()).equals(second) && System.nanoTime() < until) {
                Thread.sleep(50);
            }
            assertEquals(second, servedCertificate(trustBoth, server.port()), "the new certificate is served");
            int before = ok.get();
            until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (ok.get() < before + 4 && failure.get() == null && System.nanoTime() < until) {
                Thread.sleep(50);
            }
            stop.set(true);
            traffic.join();
            assertEquals(null, failure.get(), "a request failed during the reload");
            assertTrue(ok.get() >= before + 4, "only " + (ok.get() - before) + " requests after the swap");
        } finally {
            server.stop();
        }
    }

    static X509Certificate servedCertificate(javax.net.ssl.SSLContext ssl, int port) throws Exception {
        try (SSLSocket s = (SSLSocket) ssl.getSocketFactory().createSocket("127.0.0.1", port)) {
            s.startHandshake();
            return (X509Certificate) s.getSession().getPeerCertificates()[0];
        }
    }

    @Test
    void gracefulStopFinishesInFlightReviewsAndClosesKeepAlive() throws Exception {
        Harness h = new Harness(dir, CONFIG, ClusterIndex.none());
        List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
        byte[] body = slowReview(1000);
        for (int i = 0; i < 8; i++) {
            inFlight.add(h.client.sendAsync(request(h.validate("timeout=10s"), body), HttpResponse.BodyHandlers.ofString()));
        }
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!h.health("/metrics").body().contains("palisade_webhook_inflight 8")) {
            assertTrue(System.nanoTime() < until, "requests never reached the server");
            Thread.sleep(20);
        }
        long start = System.nanoTime();
        h.server.stop();
        long stopMs = (System.nanoTime() - start) / 1_000_000;
        for (CompletableFuture<HttpResponse<String>> f : inFlight) {
            HttpResponse<String> r = f.get(10, TimeUnit.SECONDS);
            assertEquals(200, r.statusCode(), r.body());
            assertTrue(r.body().contains("\"allowed\":false"), r.body());
            assertEquals("close", r.headers().firstValue("connection").orElse(""), "keep-alive not closed while draining");
        }
        assertTrue(stopMs < 5000, "stop took " + stopMs + " ms");
        assertThrows(java.io.IOException.class, () -> h.post(body, "application/json", null));
    }

    @Test
    void sigtermLetsInFlightRequestsFinishThenExits() throws Exception {
        X509Certificate cert = Pki.selfSigned(dir, "tls");
        Files.writeString(dir.resolve("palisade.yaml"), CONFIG);
        int port = freePort();
        int health = freePort();
        Path log = dir.resolve("webhook.log");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "--config", dir.resolve("palisade.yaml").toString(), "--tls-cert", dir.resolve("tls.crt").toString(),
                "--tls-key", dir.resolve("tls.key").toString(), "--port", String.valueOf(port),
                "--health-port", String.valueOf(health), "--host", "127.0.0.1", "--no-informers", "--grace-seconds", "10")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            HttpClient plain = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            URI ready = URI.create("http://127.0.0.1:" + health + "/readyz");
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (true) {
                try {
                    if (plain.send(HttpRequest.newBuilder(ready).timeout(java.time.Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                        break;
                    }
                } catch (java.io.IOException notYet) {
                    assertTrue(System.nanoTime() < until && p.isAlive(), () -> "never ready: " + read(log));
                }
                Thread.sleep(100);
            }
            HttpClient client = Harness.client(Pki.trusting(List.of(cert)));
            URI uri = URI.create("https://localhost:" + port + "/validate?timeout=10s");
            byte[] body = slowReview(1500);
            List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                inFlight.add(client.sendAsync(request(uri, body), HttpResponse.BodyHandlers.ofString()));
            }
            URI metrics = URI.create("http://127.0.0.1:" + health + "/metrics");
            until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!plain.send(HttpRequest.newBuilder(metrics).build(), HttpResponse.BodyHandlers.ofString()).body()
                    .contains("palisade_webhook_inflight 6")) {
                assertTrue(System.nanoTime() < until, "requests never reached the server");
                Thread.sleep(20);
            }
            long start = System.nanoTime();
            p.destroy(); // SIGTERM
            for (CompletableFuture<HttpResponse<String>> f : inFlight) {
                HttpResponse<String> r = f.get(15, TimeUnit.SECONDS);
                assertEquals(200, r.statusCode(), r.body());
                assertTrue(r.body().contains("\"allowed\":false"), r.body());
            }
            assertTrue(p.waitFor(12, TimeUnit.SECONDS), "still running after SIGTERM");
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertTrue(ms < 10_000, "exit took " + ms + " ms");
            String logged = read(log);
            assertTrue(logged.contains("\"event\":\"draining\"") && logged.contains("\"event\":\"stopped\""), logged);
            assertFalse(logged.contains("Exception"), logged);
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void configReloadAppliesGoodFilesAndKeepsTheOldOneOnBadFiles() throws Exception {
        try (Harness h = new Harness(dir, CONFIG, ClusterIndex.none())) {
            ObjectNode latest = WebhookServerTest.deployment(WebhookServerTest.LATEST);
            assertFalse(h.review(latest).path("allowed").asBoolean());
            Files.writeString(dir.resolve("palisade.yaml"), "rules: {test-image-latest: on}\nwebhook: {mode: warn}\n");
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!h.review(latest).path("allowed").asBoolean()) {
                assertTrue(System.nanoTime() < until, "new config never applied");
                Thread.sleep(50);
            }
            Files.writeString(dir.resolve("palisade.yaml"), "rules: {no-such-rule: on}\nwebhook: {mode: sometimes}\n");
            until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!h.health("/metrics").body().contains("palisade_webhook_config_reloads_total{result=\"rejected\"} 1")) {
                assertTrue(System.nanoTime() < until, "bad config never noticed");
                Thread.sleep(50);
            }
            var still = h.review(latest);
            assertTrue(still.path("allowed").asBoolean(), "the old (warn) config must stay");
            assertTrue(still.path("warnings").toString().contains("(test-image-latest)"), still.toString());
        }
    }

    static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }
}
