package dev.palisade.webhook;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Counters and a latency histogram in the Prometheus text format (0.0.4). Hand-written because the
 * handful of series needed here does not justify a metrics library and its start-up cost.
 */
public final class Metrics {
    /** Latency buckets in seconds: sub-millisecond up to the API server's 10 s maximum timeout. */
    static final double[] BUCKETS = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

    private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
    private final Map<String, Histogram> latency = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> findings = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> ruleErrors = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> httpErrors = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> reloads = new ConcurrentHashMap<>();
    /** Label texts of the per-review series, built once per combination instead of once per review. */
    private final Map<List<String>, String> labelTexts = new ConcurrentHashMap<>();
    private volatile Supplier<Map<String, Boolean>> cacheSync = Map::of;
    private volatile java.util.function.IntSupplier inflight = () -> 0;

    private static final class Histogram {
        final AtomicLongArray counts = new AtomicLongArray(BUCKETS.length);
        final LongAdder count = new LongAdder();
        final java.util.concurrent.atomic.DoubleAdder sum = new java.util.concurrent.atomic.DoubleAdder();
    }

    public void request(String decision, String kind, String operation, long nanos) {
        String labels = labelTexts.computeIfAbsent(Arrays.asList(decision, kind, operation),
                k -> labels("decision", decision, "kind", kind, "operation", operation));
        requests.computeIfAbsent(labels, k -> new LongAdder()).increment();
        Histogram h = latency.computeIfAbsent(labels, k -> new Histogram());
        double seconds = nanos / 1e9;
        for (int i = 0; i < BUCKETS.length; i++) {
            if (seconds <= BUCKETS[i]) {
                h.counts.incrementAndGet(i);
                break;
            }
        }
        h.count.increment();
        h.sum.add(seconds);
    }

    public void finding(String rule, String severity) {
        String labels = labelTexts.computeIfAbsent(Arrays.asList(rule, severity), k -> labels("rule", rule, "severity", severity));
        findings.computeIfAbsent(labels, k -> new LongAdder()).increment();
    }

    public void ruleError(String rule) {
        ruleErrors.computeIfAbsent(labels("rule", rule), k -> new LongAdder()).increment();
    }

    /** A request answered with an HTTP error rather than a review (400, 408, 413, 415...). */
    public void httpError(int code) {
        httpErrors.computeIfAbsent(labels("code", String.valueOf(code)), k -> new LongAdder()).increment();
    }

    public void configReload(boolean ok) {
        reloads.computeIfAbsent(labels("result", ok ? "ok" : "rejected"), k -> new LongAdder()).increment();
    }

    public void cacheSyncSource(Supplier<Map<String, Boolean>> source) {
        this.cacheSync = source;
    }

    public void inflightSource(java.util.function.IntSupplier source) {
        this.inflight = source;
    }

    public String scrape() {
        StringBuilder sb = new StringBuilder(4096);
        sb.append("# HELP palisade_webhook_inflight Reviews queued or running.\n")
                .append("# TYPE palisade_webhook_inflight gauge\n")
                .append("palisade_webhook_inflight ").append(inflight.getAsInt()).append('\n');
        counter(sb, "palisade_webhook_requests_total", "AdmissionReviews answered, by decision, kind and operation.", requests);
        sb.append("# HELP palisade_webhook_request_duration_seconds Time from request to answer.\n")
                .append("# TYPE palisade_webhook_request_duration_seconds histogram\n");
        new TreeMap<>(latency).forEach((labels, h) -> {
            long cumulative = 0;
            for (int i = 0; i < BUCKETS.length; i++) {
                cumulative += h.counts.get(i);
                series(sb, "palisade_webhook_request_duration_seconds_bucket", labels + ",le=\"" + BUCKETS[i] + "\"", cumulative);
            }
            series(sb, "palisade_webhook_request_duration_seconds_bucket", labels + ",le=\"+Inf\"", h.count.sum());
            sb.append("palisade_webhook_request_duration_seconds_sum{").append(labels).append("} ").append(h.sum.sum()).append('\n');
            series(sb, "palisade_webhook_request_duration_seconds_count", labels, h.count.sum());
        });
        counter(sb, "palisade_webhook_findings_total", "Findings reported, by rule and severity.", findings);
        counter(sb, "palisade_webhook_rule_errors_total", "Rules that failed on an object and were skipped.", ruleErrors);
        counter(sb, "palisade_webhook_http_errors_total", "Requests refused before review, by HTTP status.", httpErrors);
        counter(sb, "palisade_webhook_config_reloads_total", "Configuration reloads, applied or rejected.", reloads);
        sb.append("# HELP palisade_webhook_cache_synced Whether the informer cache of a kind has synced (1) or not (0).\n")
                .append("# TYPE palisade_webhook_cache_synced gauge\n");
        new TreeMap<>(cacheSync.get()).forEach((kind, synced) ->
                series(sb, "palisade_webhook_cache_synced", labels("kind", kind), synced ? 1 : 0));
        return sb.toString();
    }

    private static void counter(StringBuilder sb, String name, String help, Map<String, LongAdder> values) {
        sb.append("# HELP ").append(name).append(' ').append(help).append('\n')
                .append("# TYPE ").append(name).append(" counter\n");
        new TreeMap<>(values).forEach((labels, v) -> series(sb, name, labels, v.sum()));
    }

    private static void series(StringBuilder sb, String name, String labels, long value) {
        sb.append(name).append('{').append(labels).append("} ").append(value).append('\n');
    }

    private static String labels(String... pairs) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(pairs[i]).append("=\"").append(escape(pairs[i + 1])).append('"');
        }
        return sb.toString();
    }

    private static String escape(String v) {
        return v == null ? "" : v.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

}
