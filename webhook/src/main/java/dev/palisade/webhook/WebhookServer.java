package dev.palisade.webhook;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.palisade.config.ConfigException;
import dev.palisade.engine.RuleCatalog;
import dev.palisade.model.TypedModels;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.net.OpenSSLEngineOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.core.net.ServerSSLOptions;
import io.vertx.ext.web.Router;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The admission webhook: {@code POST /validate} over TLS, health and metrics on a plain port,
 * configuration and certificates reloaded from their files, graceful shutdown.
 *
 * <p>The event loops only move bytes; decoding, evaluation and encoding run on a bounded worker
 * pool. Every review has a deadline below the API server's timeout: past it the answer is "allowed"
 * with a warning (fail open), never a hung request.
 */
public final class WebhookServer {
    /** Startup and runtime settings; the command line fills them in. */
    public record Options(Path config, Path tlsCert, Path tlsKey, Path clientCa, String host, int port,
            int healthPort, int eventLoops, int workers, int maxInflight, int maxBodyBytes, Duration reloadInterval,
            Duration grace, boolean jdkTls) {
        public static Options defaults(Path config, Path cert, Path key) {
            int cores = Runtime.getRuntime().availableProcessors();
            return new Options(config, cert, key, null, "0.0.0.0", 8443, 8080, cores, cores, 512,
                    3 * 1024 * 1024, Duration.ofSeconds(5), Duration.ofSeconds(25), false);
        }
    }

    private static final Set<String> TLS_PROTOCOLS = Set.of("TLSv1.2", "TLSv1.3");
    private static final Set<String> VALIDATE_PATHS = Set.of("/validate", "/validate/");
    private static final CharSequence JSON_TYPE = HttpHeaders.createOptimized("application/json");

    private final Options options;
    private final RuleCatalog catalog;
    private final ClusterIndex index;
    private final Metrics metrics = new Metrics();
    private final AtomicReference<ConfigSnapshot> snapshot = new AtomicReference<>();
    private final AtomicInteger inflight = new AtomicInteger();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final Reviewer reviewer;
    private final String ownNamespace;
    private Vertx vertx;
    private WorkerExecutor workers;
    private HttpServer https;
    private HttpServer health;
    private FileWatch configWatch;
    private FileWatch tlsWatch;
    private List<Long> reloadTimers = List.of();

    /** @param ownNamespace the webhook's namespace, never judged (null when unknown) */
    public WebhookServer(Options options, RuleCatalog catalog, ClusterIndex index, String ownNamespace) {
        this.options = options;
        this.catalog = catalog;
        this.index = index;
        this.reviewer = new Reviewer(index, metrics, ownNamespace);
        this.ownNamespace = ownNamespace;
        metrics.cacheSyncSource(index::syncState);
        metrics.inflightSource(inflight::get);
    }

    /** Loads the configuration (failing on a bad one) and starts both servers. */
    public void start() throws ConfigException, IOException, InterruptedException {
        snapshot.set(ConfigSnapshot.parse(catalog, options.config().toString(), Files.readString(options.config())));
        warmUp();
        configWatch = new FileWatch(List.of(options.config()));
        List<Path> tlsFiles = new ArrayList<>(List.of(options.tlsCert(), options.tlsKey()));
        if (options.clientCa() != null) {
            tlsFiles.add(options.clientCa());
        }
        tlsWatch = new FileWatch(tlsFiles);
        vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(true)
                .setEventLoopPoolSize(options.eventLoops()).setWorkerPoolSize(2)
                .setBlockedThreadCheckInterval(10).setBlockedThreadCheckIntervalUnit(TimeUnit.SECONDS));
        workers = vertx.createSharedWorkerExecutor("palisade-review", options.workers(), 30, TimeUnit.SECONDS);
        HttpServerOptions tls = new HttpServerOptions()
                .setHost(options.host())
                .setPort(options.port())
                .setSsl(true)
                .setUseAlpn(true)
                .setEnabledSecureTransportProtocols(TLS_PROTOCOLS)
                .setKeyCertOptions(keyCert())
                .setIdleTimeout(90)
                .setIdleTimeoutUnit(TimeUnit.SECONDS)
                .setSslHandshakeTimeout(10)
                .setSslHandshakeTimeoutUnit(TimeUnit.SECONDS)
                .setCompressionSupported(false);
        boolean openSsl = !options.jdkTls() && OpenSSLEngineOptions.isAvailable();
        if (openSsl) {
            tls.setSslEngineOptions(new OpenSSLEngineOptions().setSessionCacheEnabled(true));
        }
        if (options.clientCa() != null) {
            tls.setClientAuth(ClientAuth.REQUIRED).setTrustOptions(trust());
        }
        https = await(vertx.createHttpServer(tls).requestHandler(this::handleValidate).listen());
        // Probes and Prometheus speak HTTP/1.1; without h2c there is no upgrade dance for a client to
        // get stuck in (the JDK client's h2c upgrade against this port hung a scrape in tests).
        health = await(vertx.createHttpServer(new HttpServerOptions().setHost(options.host())
                .setPort(options.healthPort()).setHttp2ClearTextEnabled(false)).requestHandler(healthRouter()).listen());
        long every = options.reloadInterval().toMillis();
        reloadTimers = List.of(vertx.setPeriodic(every, id -> reloadConfigIfChanged()),
                vertx.setPeriodic(every, id -> reloadTlsIfChanged()));
        JsonLog.info("started", "port", https.actualPort(), "healthPort", health.actualPort(),
                "config", options.config().toString(), "rules", catalog.entries().size(),
                "clientAuth", options.clientCa() != null, "workers", options.workers(),
                "tls", openSsl ? "openssl" : "jdk", "transport", vertx.isNativeTransportEnabled() ? "epoll" : "nio");
    }

    /**
     * Judges a few built-in objects before listening, so that class loading and the first JIT
     * compilations do not land on the first real reviews (cold, the first one takes seconds).
     */
    private void warmUp() throws IOException {
        long start = System.nanoTime();
        try (var in = WebhookServer.class.getResourceAsStream("warmup.json")) {
            com.fasterxml.jackson.databind.JsonNode samples = TypedModels.MAPPER.readTree(in);
            Reviewer quiet = new Reviewer(ClusterIndex.none(), new Metrics(), null);
            for (int i = 0; i < 50; i++) {
                for (com.fasterxml.jackson.databind.JsonNode o : samples) {
                    ObjectNode copy = ((ObjectNode) o).deepCopy();
                    quiet.review(new AdmissionRequest("admission.k8s.io/v1", "warmup", copy.path("kind").asText(),
                            "CREATE", "palisade-warmup", null, "", "warmup", List.of(), true, copy, null), snapshot.get());
                }
            }
        }
        JsonLog.info("warmed", "ms", (System.nanoTime() - start) / 1_000_000);
    }

    public int port() {
        return https.actualPort();
    }

    public int healthPort() {
        return health.actualPort();
    }

    public Metrics metrics() {
        return metrics;
    }

    /**
     * Graceful stop: readiness turns false, new connections are refused, answers ask HTTP/1.1
     * clients to close their keep-alive connection, in-flight reviews finish (up to the grace
     * period), then everything closes.
     */
    public void stop() throws InterruptedException {
        if (!draining.compareAndSet(false, true)) {
            return;
        }
        long start = System.nanoTime();
        JsonLog.info("draining", "inflight", inflight.get());
        vertx.runOnContext(v -> reloadTimers.forEach(vertx::cancelTimer));
        try {
            await(https.shutdown(options.grace().toMillis(), TimeUnit.MILLISECONDS));
        } catch (IOException e) {
            JsonLog.warn("drain.incomplete", "error", e.getMessage());
        }
        try {
            await(health.close());
            await(vertx.close());
        } catch (IOException e) {
            JsonLog.warn("close.failed", "error", e.getMessage());
        }
        index.close();
        JsonLog.info("stopped", "ms", (System.nanoTime() - start) / 1_000_000);
    }

    // ---- /validate ----

    /** Per-request state: when it started, when it must be answered, whether it was, and its body. */
    private static final class Exchange {
        static final int INITIAL_BODY_BYTES = 64 * 1024;
        final long start = System.nanoTime();
        final HttpServerRequest request;
        final AtomicBoolean answered = new AtomicBoolean();
        long timer;
        long deadlineNanos;
        /**
         * The body as it arrives: sized by Content-Length when given (the API server gives it), but
         * at first no larger than {@link #INITIAL_BODY_BYTES}, so that a client declaring a large
         * body it does not send holds no memory for it.
         */
        byte[] received;
        int size;
        volatile byte[] body;

        Exchange(HttpServerRequest request, long declaredLength) {
            this.request = request;
            this.received = new byte[(int) (declaredLength >= 0 ? Math.min(declaredLength, INITIAL_BODY_BYTES) : 8192)];
        }

        /** Appends a chunk; false when the body would grow past {@code limit}. */
        boolean append(Buffer chunk, int limit) {
            int n = chunk.length();
            if ((long) size + n > limit) {
                return false;
            }
            if (size + n > received.length) {
                received = Arrays.copyOf(received, (int) Math.min(limit, Math.max(size + n, 2L * received.length)));
            }
            chunk.getBytes(0, n, received, size);
            size += n;
            return true;
        }

        byte[] bytes() {
            return size == received.length ? received : Arrays.copyOf(received, size);
        }
    }

    /** An encoded answer and the labels it is counted under. */
    private record Answer(byte[] json, String decision, String kind, String operation) {
    }

    /**
     * The TLS port's only endpoint, handled without a router or a body handler: the body is copied
     * once, from the network buffers into an array of its declared length, and that array is what
     * the review decodes (the body handler's buffer grew by copies and was copied out again).
     * Content-Type and size are checked and the deadline clock started before the body is read.
     */
    private void handleValidate(HttpServerRequest request) {
        if (request.method() != HttpMethod.POST || !VALIDATE_PATHS.contains(request.path())) {
            plain(request, 404, "not found: POST /validate is the only endpoint here");
            return;
        }
        String type = request.getHeader(HttpHeaders.CONTENT_TYPE);
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            metrics.httpError(415);
            plain(request, 415, "Content-Type must be application/json, not " + (type == null ? "absent" : "'" + type + "'"));
            return;
        }
        long declared = declaredLength(request);
        if (declared > options.maxBodyBytes()) {
            tooLarge(request);
            return;
        }
        Exchange ex = new Exchange(request, declared);
        long budget = Deadlines.budgetMillis(request.getParam("timeout"));
        ex.deadlineNanos = ex.start + TimeUnit.MILLISECONDS.toNanos(budget);
        ex.timer = vertx.setTimer(budget, id -> onDeadline(ex));
        request.handler(chunk -> {
            if (!ex.answered.get() && !ex.append(chunk, options.maxBodyBytes()) && ex.answered.compareAndSet(false, true)) {
                vertx.cancelTimer(ex.timer);
                tooLarge(request);
            }
        });
        request.exceptionHandler(e -> {
            if (ex.answered.compareAndSet(false, true)) {
                vertx.cancelTimer(ex.timer);
                metrics.httpError(500);
                plain(request, 500, "request failed");
            }
        });
        request.endHandler(v -> validate(ex));
    }

    /** Content-Length, or -1 when absent or not a number (the body is then read until it ends). */
    private static long declaredLength(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return -1;
        }
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void tooLarge(HttpServerRequest request) {
        metrics.httpError(413);
        plain(request, 413, "request body larger than " + options.maxBodyBytes() + " bytes");
    }

    private void onDeadline(Exchange ex) {
        byte[] body = ex.body;
        if (body == null) {
            if (ex.answered.compareAndSet(false, true)) {
                metrics.httpError(408);
                JsonLog.warn("request.slow", "remote", String.valueOf(ex.request.remoteAddress()));
                ex.request.response().setStatusCode(408).putHeader("Connection", "close")
                        .end("request body not received before the deadline\n")
                        .onComplete(r -> ex.request.connection().close());
            }
            return;
        }
        failOpen(ex, body, "review did not finish before the deadline");
    }

    /** Answers "allowed" with a warning; decoding runs on Vert.x's own small pool, not the busy one. */
    private void failOpen(Exchange ex, byte[] body, String why) {
        vertx.executeBlocking(() -> {
            AdmissionRequest req = decode(body);
            JsonLog.warn("review.failopen", "uid", req.uid(), "kind", req.kind(), "reason", why);
            return new Answer(encode(req, Verdict.failOpen(why)), "failopen", label(req.kind()), req.operation());
        }, false).onComplete(r -> finish(ex, r.result(), r.cause()));
    }

    private void validate(Exchange ex) {
        byte[] body = ex.bytes();
        ex.body = body;
        if (ex.answered.get()) {
            return;
        }
        if (inflight.incrementAndGet() > options.maxInflight()) {
            inflight.decrementAndGet();
            failOpen(ex, body, "webhook overloaded"); // now, rather than at the deadline
            return;
        }
        workers.executeBlocking(() -> review(body, ex), false)
                .onComplete(r -> {
                    inflight.decrementAndGet();
                    finish(ex, r.result(), r.cause());
                });
    }

    /** Runs on a worker: decode, judge (unless the deadline already passed), encode. */
    private Answer review(byte[] body, Exchange ex) throws AdmissionRequest.Malformed {
        AdmissionRequest req = decode(body);
        if (System.nanoTime() > ex.deadlineNanos) {
            Verdict late = Verdict.failOpen("review started after the deadline");
            return new Answer(encode(req, late), late.decision(), label(req.kind()), req.operation());
        }
        Verdict v;
        try {
            v = reviewer.review(req, snapshot.get());
        } catch (RuntimeException | StackOverflowError e) {
            // the engine contains rule failures; this is a failure around them: never a 500
            JsonLog.error("review.failed", "uid", req.uid(), "kind", req.kind(), "error", e.getClass().getName());
            v = Verdict.failOpen("internal error while reviewing");
        }
        log(req, v, ex);
        return new Answer(encode(req, v), v.decision(), label(req.kind()), req.operation());
    }

    /** Decodes; a bug in decoding answers 400 with its class, never a 500 with a stack trace. */
    private static AdmissionRequest decode(byte[] body) throws AdmissionRequest.Malformed {
        try {
            return AdmissionRequest.decode(body);
        } catch (RuntimeException e) {
            JsonLog.error("decode.failed", "error", e.getClass().getName());
            throw new AdmissionRequest.Malformed("request could not be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static void log(AdmissionRequest req, Verdict v, Exchange ex) {
        if (v.decision().equals("allowed") || v.decision().equals("skipped") || v.decision().equals("exempt")) {
            return; // counted in metrics; a line per allowed request would drown the rest
        }
        JsonLog.info("review", "uid", req.uid(), "decision", v.decision(), "kind", req.kind(),
                "operation", req.operation(), "namespace", req.namespace(), "name", req.name(),
                "user", req.user(), "dryRun", req.dryRun(), "rules", v.ruleIds(),
                "ms", (System.nanoTime() - ex.start) / 1e6);
    }

    private static String label(String kind) {
        return kind == null ? "" : kind;
    }

    private void finish(Exchange ex, Answer answer, Throwable error) {
        if (!ex.answered.compareAndSet(false, true)) {
            return;
        }
        vertx.cancelTimer(ex.timer);
        if (error instanceof AdmissionRequest.Malformed m) {
            metrics.httpError(400);
            plain(ex.request, 400, "malformed AdmissionReview: " + m.getMessage());
            return;
        }
        if (error != null) {
            // not reachable from input (decode and review catch their failures); still never a stack trace
            JsonLog.error("review.failed", "error", error.getClass().getName());
            metrics.httpError(500);
            plain(ex.request, 500, "internal error");
            return;
        }
        metrics.request(answer.decision(), answer.kind(), answer.operation(), System.nanoTime() - ex.start);
        closeIfDraining(ex.request);
        ex.request.response().putHeader(HttpHeaders.CONTENT_TYPE, JSON_TYPE).end(Buffer.buffer(answer.json()));
    }

    private void closeIfDraining(HttpServerRequest request) {
        if (draining.get() && request.version() != HttpVersion.HTTP_2) {
            request.response().putHeader("Connection", "close");
        }
    }

    private void plain(HttpServerRequest request, int code, String message) {
        if (request.response().ended()) {
            return;
        }
        closeIfDraining(request);
        request.response().setStatusCode(code).putHeader("Content-Type", "text/plain; charset=utf-8").end(message + "\n");
    }

    // ---- health, metrics, reloads ----

    private Router healthRouter() {
        Router router = Router.router(vertx);
        router.get("/healthz").handler(ctx -> ctx.response().end("ok\n"));
        router.get("/readyz").handler(ctx -> {
            String notReady = notReadyReason();
            ctx.response().setStatusCode(notReady == null ? 200 : 503).end(notReady == null ? "ready\n" : notReady + "\n");
        });
        router.get("/metrics").handler(ctx -> ctx.response()
                .putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8").end(metrics.scrape()));
        return router;
    }

    private String notReadyReason() {
        if (draining.get()) {
            return "shutting down";
        }
        if (snapshot.get() == null) {
            return "configuration not loaded";
        }
        List<String> unsynced = index.pending();
        return unsynced.isEmpty() ? null : "caches not synced: " + String.join(", ", unsynced);
    }

    private void reloadConfigIfChanged() {
        vertx.executeBlocking(() -> {
            if (!configWatch.changed()) {
                return null;
            }
            try {
                ConfigSnapshot next = ConfigSnapshot.parse(catalog, options.config().toString(),
                        Files.readString(options.config()));
                snapshot.set(next);
                metrics.configReload(true);
                JsonLog.info("config.reloaded", "config", options.config().toString(),
                        "mode", next.settings().mode().label());
                warnOfUncachedJudgedNamespaces(next.settings());
            } catch (ConfigException e) {
                metrics.configReload(false);
                JsonLog.error("config.rejected", "config", options.config().toString(), "problems", e.problems());
            } catch (IOException e) {
                metrics.configReload(false);
                JsonLog.error("config.rejected", "config", options.config().toString(), "problems", List.of(e.toString()));
            }
            return null;
        }, false);
    }

    /**
     * Informers leave out the namespaces exempt at start; once a reload judges one of them, its
     * reviews skip the rules about namespaced kinds until a restart caches it.
     */
    private void warnOfUncachedJudgedNamespaces(WebhookSettings settings) {
        List<String> judged = index.uncachedNamespaces().stream()
                .filter(ns -> !settings.exemptNamespaces().contains(ns) && !ns.equals(ownNamespace)).sorted().toList();
        if (!judged.isEmpty()) {
            JsonLog.warn("config.uncached-namespaces", "namespaces", judged,
                    "effect", "cross-object rules about namespaced kinds are skipped there until a restart");
        }
    }

    private void reloadTlsIfChanged() {
        vertx.executeBlocking(() -> tlsWatch.changed(), false).onSuccess(changed -> {
            if (!changed) {
                return;
            }
            ServerSSLOptions ssl = new ServerSSLOptions().setEnabledSecureTransportProtocols(TLS_PROTOCOLS)
                    .setUseAlpn(true);
            try {
                ssl.setKeyCertOptions(keyCert());
                if (options.clientCa() != null) {
                    ssl.setClientAuth(ClientAuth.REQUIRED).setTrustOptions(trust());
                }
            } catch (IOException e) {
                JsonLog.error("tls.rejected", "error", e.getMessage());
                return;
            }
            // existing connections keep their session; new handshakes use the new certificate
            https.updateSSLOptions(ssl, true).onComplete(r -> {
                if (r.succeeded()) {
                    JsonLog.info("tls.reloaded", "cert", options.tlsCert().toString());
                } else {
                    JsonLog.error("tls.rejected", "error", String.valueOf(r.cause().getMessage()));
                }
            });
        });
    }

    private PemKeyCertOptions keyCert() throws IOException {
        return new PemKeyCertOptions().setCertValue(Buffer.buffer(Files.readAllBytes(options.tlsCert())))
                .setKeyValue(Buffer.buffer(Files.readAllBytes(options.tlsKey())));
    }

    private PemTrustOptions trust() throws IOException {
        return new PemTrustOptions().addCertValue(Buffer.buffer(Files.readAllBytes(options.clientCa())));
    }

    private static <T> T await(Future<T> f) throws IOException, InterruptedException {
        try {
            return f.toCompletionStage().toCompletableFuture().get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IOException(e.getCause().getMessage(), e.getCause());
        }
    }

    /** Room for the answer's envelope and texts, so the stream need not grow by copies (warned Pods: ~2 KB). */
    private static int answerSizeHint(Verdict v) {
        int chars = 256 + (v.message() == null ? 0 : v.message().length());
        for (String w : v.warnings()) {
            chars += w.length() + 4;
        }
        return chars + chars / 8; // escapes and multi-byte characters
    }

    /** The answer, streamed straight to bytes: no tree is built for a handful of fields. */
    static byte[] encode(AdmissionRequest req, Verdict v) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(answerSizeHint(v));
        try (JsonGenerator g = TypedModels.MAPPER.getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("apiVersion", req.apiVersion());
            g.writeStringField("kind", "AdmissionReview");
            g.writeObjectFieldStart("response");
            g.writeStringField("uid", req.uid());
            g.writeBooleanField("allowed", v.allowed());
            if (!v.allowed()) {
                g.writeObjectFieldStart("status");
                g.writeNumberField("code", 403);
                g.writeStringField("reason", "Forbidden");
                g.writeStringField("message", v.message());
                g.writeEndObject();
            }
            if (!v.warnings().isEmpty()) {
                g.writeArrayFieldStart("warnings");
                for (String w : v.warnings()) {
                    g.writeString(w);
                }
                g.writeEndArray();
            }
            g.writeEndObject();
            g.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException(e); // writing strings to memory does not fail
        }
        return out.toByteArray();
    }
}
