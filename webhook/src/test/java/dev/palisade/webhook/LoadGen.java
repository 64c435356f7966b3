package dev.palisade.webhook;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.OpenSSLEngineOptions;
import io.vertx.core.net.PemTrustOptions;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Load generator for the webhook (a benchmark tool, not a test). Sends realistic AdmissionReviews
 * (testdata/admission: a 4.8 KB Deployment, a Pod, a Service, in turn) over HTTPS keep-alive.
 *
 * <pre>
 * open loop:   LoadGen --port P --ca tls.crt --rate 1000 --seconds 30
 * closed loop: LoadGen --port P --ca tls.crt --concurrency 64 --seconds 20   (saturation throughput)
 * soak:        LoadGen --port P --ca tls.crt --rate 1000 --seconds 600 --interval-seconds 60
 * options:     --connections 32 (open loop pool), --warm-seconds N (the client's own JIT warm-up,
 *              not measured), --jdk-tls (JDK TLS instead of BoringSSL on the client)
 * </pre>
 *
 * Open loop sends on a fixed schedule whatever the answers do, and measures latency from the
 * scheduled send time, so a stalled server shows up as latency (no coordinated omission).
 * "errors" are transport failures and non-200 answers; "unanswered" are requests still waiting
 * (most often in this client's connection pool, above the server's capacity) when the phase's drain
 * time ran out; "failopen" are answers that allowed without
 * review (deadline or overload), counted apart because the API server sees them as successes.
 * "client-cpu" is this process's CPU time per answer during the measured run: the generator shares
 * the machine with the webhook, so its cost is reported to be subtracted from what is left.
 *
 * <p>Kept cheap per request: bodies are read once, requests go out from the client's single event
 * loop (open loop: a 1 ms timer sends every request that has become due), counters have a single
 * writer, answers are scanned as bytes, and TLS is BoringSSL when it loads. Like the API server,
 * which calls webhooks over HTTP/1.1 only (kubernetes/kubernetes#82090), it uses HTTP/1.1
 * keep-alive over several connections.
 */
public final class LoadGen {
    public static void main(String[] args) throws Exception {
        int port = 8443;
        String ca = null;
        double rate = 0;
        int concurrency = 0;
        int seconds = 30;
        int connections = 32;
        boolean jdkTls = false;
        int warmSeconds = 0;
        int intervalSeconds = 0;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--ca" -> ca = args[++i];
                case "--rate" -> rate = Double.parseDouble(args[++i]);
                case "--concurrency" -> concurrency = Integer.parseInt(args[++i]);
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--connections" -> connections = Integer.parseInt(args[++i]);
                case "--jdk-tls" -> jdkTls = true;
                case "--warm-seconds" -> warmSeconds = Integer.parseInt(args[++i]);
                case "--interval-seconds" -> intervalSeconds = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Path fixtures = Path.of(System.getProperty("palisade.admission", "testdata/admission"));
        List<Buffer> bodies = List.of(
                Buffer.buffer(Files.readAllBytes(fixtures.resolve("deployment-create.json"))),
                Buffer.buffer(Files.readAllBytes(fixtures.resolve("pod-create.json"))),
                Buffer.buffer(Files.readAllBytes(fixtures.resolve("service-create.json"))));
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
        // BoringSSL like the server when it loads: JDK TLS on the client cost more CPU than the
        // webhook's whole review, on the same two cores
        HttpClientOptions clientOptions = new HttpClientOptions().setSsl(true)
                .setTrustOptions(new PemTrustOptions().addCertPath(ca)).setVerifyHost(false).setKeepAlive(true);
        if (!jdkTls && OpenSSLEngineOptions.isAvailable()) {
            clientOptions.setSslEngineOptions(new OpenSSLEngineOptions());
        }
        HttpClient client = vertx.createHttpClient(clientOptions,
                new PoolOptions().setHttp1MaxSize(concurrency > 0 ? concurrency : connections).setMaxWaitQueueSize(-1));
        RequestOptions opts = new RequestOptions().setMethod(HttpMethod.POST).setHost("127.0.0.1").setPort(port)
                .setURI("/validate?timeout=10s").putHeader("Content-Type", "application/json");
        Run run = new Run(vertx, client, opts, bodies);
        run.once(); // connect and warm the client
        Thread.sleep(200);
        if (warmSeconds > 0) { // the client's own JIT warm-up, kept out of the figures
            run.closedLoop(4, warmSeconds);
        }
        run.reset();
        long cpuStart = processCpuNanos();
        long start = System.nanoTime();
        if (intervalSeconds > 0) {
            run.reportEvery(intervalSeconds);
        }
        if (concurrency > 0) {
            run.closedLoop(concurrency, seconds);
        } else {
            run.openLoop(rate, seconds);
        }
        run.report(rate, concurrency, (System.nanoTime() - start) / 1e9, processCpuNanos() - cpuStart);
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static final Runnable NOTHING = () -> { };
    private static final byte[] FAIL_OPEN = "allowed without review".getBytes(StandardCharsets.US_ASCII);

    /** Whether {@code b} contains {@code needle}, without decoding the answer into a String. */
    static boolean contains(Buffer b, byte[] needle) {
        outer:
        for (int i = 0, last = b.length() - needle.length; i <= last; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (b.getByte(i + j) != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** CPU time of this whole process (all threads, JIT compilers included). */
    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static final class Run {
        final HttpClient client;
        final RequestOptions opts;
        final List<Buffer> bodies;
        final io.vertx.core.Context loop;
        final Vertx vertx;
        // written only on the event loop (a single writer); volatile so the main thread sees them
        long[] latencies = new long[1 << 20];
        volatile int recorded;
        volatile long errors;
        volatile long failOpen;
        volatile long sent;

        Run(Vertx vertx, HttpClient client, RequestOptions opts, List<Buffer> bodies) {
            this.vertx = vertx;
            this.loop = vertx.getOrCreateContext();
            this.client = client;
            this.opts = opts;
            this.bodies = bodies;
        }

        void reset() {
            recorded = 0;
            errors = 0;
            failOpen = 0;
            sent = 0;
        }

        void once() throws InterruptedException {
            CountDownLatch done = new CountDownLatch(1);
            loop.runOnContext(v -> send(System.nanoTime(), 0, done::countDown));
            done.await(30, TimeUnit.SECONDS);
        }

        /** Sends review {@code n}; runs on the client's event loop, so nothing here is shared or locked. */
        void send(long scheduled, long n, Runnable then) {
            sent++;
            client.request(opts)
                    .compose(req -> req.send(bodies.get((int) (n % bodies.size()))))
                    .compose(resp -> resp.body().map(b -> {
                        if (resp.statusCode() != 200) {
                            errors++;
                        } else if (contains(b, FAIL_OPEN)) {
                            failOpen++;
                        }
                        return b;
                    }))
                    .onComplete(r -> {
                        if (r.failed()) {
                            errors++;
                        }
                        record(System.nanoTime() - scheduled);
                        then.run();
                    });
        }

        void record(long nanos) {
            if (recorded == latencies.length) {
                latencies = Arrays.copyOf(latencies, latencies.length * 2);
            }
            latencies[recorded++] = nanos;
        }

        /**
         * Open loop: a 1 ms periodic timer on the event loop sends every request whose scheduled
         * time has come (a batch per tick). Latency counts from the scheduled time, so a late tick
         * or a busy connection pool shows up as latency; no thread hand-off per request.
         */
        void openLoop(double rate, int seconds) throws InterruptedException {
            double interval = 1e9 / rate;
            long total = (long) (rate * seconds);
            CountDownLatch scheduled = new CountDownLatch(1);
            loop.runOnContext(v -> {
                long start = System.nanoTime();
                long[] next = {0};
                vertx.setPeriodic(1, id -> {
                    long now = System.nanoTime();
                    while (next[0] < total) {
                        long at = start + (long) (next[0] * interval);
                        if (at > now) {
                            return;
                        }
                        send(at, next[0]++, NOTHING);
                    }
                    vertx.cancelTimer(id);
                    scheduled.countDown();
                });
            });
            scheduled.await();
            drain(total, 30);
        }

        void closedLoop(int concurrency, int seconds) throws InterruptedException {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            CountDownLatch finished = new CountDownLatch(concurrency);
            loop.runOnContext(v -> {
                for (int c = 0; c < concurrency; c++) {
                    loop(end, c, finished);
                }
            });
            finished.await(seconds + 60L, TimeUnit.SECONDS);
        }

        private void loop(long end, long n, CountDownLatch finished) {
            if (System.nanoTime() >= end) {
                finished.countDown();
                return;
            }
            send(System.nanoTime(), n, () -> loop(end, n + 1, finished));
        }

        void drain(long total, int seconds) throws InterruptedException {
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (recorded < total && System.nanoTime() < until) {
                Thread.sleep(10);
            }
        }

        /** Prints the latency of the answers completed in each interval (a soak's minute by minute). */
        void reportEvery(int seconds) {
            int[] from = {0};
            long[] errorsBefore = {0};
            int[] number = {0};
            loop.runOnContext(v -> vertx.setPeriodic(seconds * 1000L, id -> {
                int to = recorded;
                long[] sorted = Arrays.copyOfRange(latencies, from[0], to);
                Arrays.sort(sorted);
                number[0]++;
                System.out.printf(Locale.ROOT, "  %4d-%4d s: completed=%d errors=%d p50=%.2fms p99=%.2fms p99.9=%.2fms max=%.2fms%n",
                        (number[0] - 1) * seconds, number[0] * seconds, sorted.length, errors - errorsBefore[0],
                        pct(sorted, 0.50), pct(sorted, 0.99), pct(sorted, 0.999),
                        sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
                from[0] = to;
                errorsBefore[0] = errors;
            }));
        }

        void report(double rate, int concurrency, double elapsed, long cpuNanos) {
            int n = recorded;
            long[] sorted = Arrays.copyOf(latencies, n);
            Arrays.sort(sorted);
            System.out.printf(Locale.ROOT, "%s sent=%d completed=%d errors=%d unanswered=%d failopen=%d throughput=%.0f/s "
                            + "p50=%.2fms p99=%.2fms p99.9=%.2fms max=%.2fms client-cpu=%.3fms/req%n",
                    concurrency > 0 ? "closed-loop concurrency=" + concurrency : String.format(Locale.ROOT, "open-loop rate=%.0f/s", rate),
                    sent, n, errors, sent - n, failOpen, n / elapsed,
                    pct(sorted, 0.50), pct(sorted, 0.99), pct(sorted, 0.999), n == 0 ? 0 : sorted[n - 1] / 1e6,
                    n == 0 ? 0 : cpuNanos / 1e6 / n);
        }

        static double pct(long[] sorted, double q) {
            return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
        }
    }
}
