package dev.palisade.webhook;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.PemTrustOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Load generator for the webhook (a benchmark tool, not a test). Sends realistic AdmissionReviews
 * (testdata/admission: a 4.8 KB Deployment, a Pod, a Service, in turn) over HTTPS keep-alive.
 *
 * <pre>
 * open loop:   LoadGen --port P --ca tls.crt --rate 1000 --seconds 30
 * closed loop: LoadGen --port P --ca tls.crt --concurrency 64 --seconds 20   (saturation throughput)
 * </pre>
 *
 * Open loop sends on a fixed schedule whatever the answers do, and measures latency from the
 * scheduled send time, so a stalled server shows up as latency (no coordinated omission).
 * "errors" are transport failures and non-200 answers; "failopen" are answers that allowed without
 * review (deadline or overload), counted apart because the API server sees them as successes.
 */
public final class LoadGen {
    public static void main(String[] args) throws Exception {
        int port = 8443;
        String ca = null;
        double rate = 0;
        int concurrency = 0;
        int seconds = 30;
        int connections = 32;
        for (int i = 0; i < args.length; i += 2) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[i + 1]);
                case "--ca" -> ca = args[i + 1];
                case "--rate" -> rate = Double.parseDouble(args[i + 1]);
                case "--concurrency" -> concurrency = Integer.parseInt(args[i + 1]);
                case "--seconds" -> seconds = Integer.parseInt(args[i + 1]);
                case "--connections" -> connections = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Path fixtures = Path.of(System.getProperty("palisade.admission", "testdata/admission"));
        List<Buffer> bodies = List.of(
                Buffer.buffer(Files.readAllBytes(fixtures.resolve("deployment-create.json"))),
                Buffer.buffer(Files.readAllBytes(fixtures.resolve("pod-create.json"))),
                Buffer.buffer(Files.readAllBytes(fixtures.resolve("service-create.json"))));
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setSsl(true)
                .setTrustOptions(new PemTrustOptions().addCertPath(ca)).setVerifyHost(false).setKeepAlive(true),
                new PoolOptions().setHttp1MaxSize(concurrency > 0 ? concurrency : connections).setMaxWaitQueueSize(-1));
        RequestOptions opts = new RequestOptions().setMethod(HttpMethod.POST).setHost("127.0.0.1").setPort(port)
                .setURI("/validate?timeout=10s").putHeader("Content-Type", "application/json");
        Run run = new Run(vertx, client, opts, bodies);
        run.once(); // connect and warm the client
        Thread.sleep(200);
        run.reset();
        long start = System.nanoTime();
        if (concurrency > 0) {
            run.closedLoop(concurrency, seconds);
        } else {
            run.openLoop(rate, seconds);
        }
        run.report(rate, concurrency, (System.nanoTime() - start) / 1e9);
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static final class Run {
        final HttpClient client;
        final RequestOptions opts;
        final List<Buffer> bodies;
        final io.vertx.core.Context loop;
        long[] latencies = new long[1 << 20];
        final AtomicInteger recorded = new AtomicInteger();
        final AtomicLong errors = new AtomicLong();
        final AtomicLong failOpen = new AtomicLong();
        final AtomicLong sent = new AtomicLong();

        Run(Vertx vertx, HttpClient client, RequestOptions opts, List<Buffer> bodies) {
            this.loop = vertx.getOrCreateContext();
            this.client = client;
            this.opts = opts;
            this.bodies = bodies;
        }

        void reset() {
            recorded.set(0);
            errors.set(0);
            failOpen.set(0);
            sent.set(0);
        }

        void once() throws InterruptedException {
            CountDownLatch done = new CountDownLatch(1);
            send(System.nanoTime(), 0, done::countDown);
            done.await(30, TimeUnit.SECONDS);
        }

        void send(long scheduled, long n, Runnable then) {
            sent.incrementAndGet();
            client.request(opts)
                    .compose(req -> req.send(bodies.get((int) (n % bodies.size()))))
                    .compose(resp -> resp.body().map(b -> {
                        if (resp.statusCode() != 200) {
                            errors.incrementAndGet();
                        } else if (b.toString().contains("allowed without review")) {
                            failOpen.incrementAndGet();
                        }
                        return b;
                    }))
                    .onComplete(r -> {
                        if (r.failed()) {
                            errors.incrementAndGet();
                        }
                        record(System.nanoTime() - scheduled);
                        then.run();
                    });
        }

        synchronized void record(long nanos) {
            int i = recorded.getAndIncrement();
            if (i >= latencies.length) {
                latencies = Arrays.copyOf(latencies, latencies.length * 2);
            }
            latencies[i] = nanos;
        }

        void openLoop(double rate, int seconds) throws InterruptedException {
            long interval = (long) (1e9 / rate);
            long total = (long) (rate * seconds);
            long start = System.nanoTime();
            for (long n = 0; n < total; n++) {
                long at = start + n * interval;
                long wait;
                while ((wait = at - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(Math.min(wait, 200_000));
                }
                final long k = n;
                loop.runOnContext(v -> send(at, k, () -> { }));
            }
            drain(total, 30);
        }

        void closedLoop(int concurrency, int seconds) throws InterruptedException {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            CountDownLatch finished = new CountDownLatch(concurrency);
            for (int c = 0; c < concurrency; c++) {
                loop(end, c, finished);
            }
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
            while (recorded.get() < total && System.nanoTime() < until) {
                Thread.sleep(10);
            }
        }

        void report(double rate, int concurrency, double elapsed) {
            int n = recorded.get();
            long[] sorted = Arrays.copyOf(latencies, n);
            Arrays.sort(sorted);
            System.out.printf(Locale.ROOT, "%s sent=%d completed=%d errors=%d failopen=%d throughput=%.0f/s "
                            + "p50=%.2fms p99=%.2fms p99.9=%.2fms max=%.2fms%n",
                    concurrency > 0 ? "closed-loop concurrency=" + concurrency : String.format(Locale.ROOT, "open-loop rate=%.0f/s", rate),
                    sent.get(), n, errors.get() + (sent.get() - n), failOpen.get(), n / elapsed,
                    pct(sorted, 0.50), pct(sorted, 0.99), pct(sorted, 0.999), n == 0 ? 0 : sorted[n - 1] / 1e6);
        }

        static double pct(long[] sorted, double q) {
            return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
        }
    }
}
