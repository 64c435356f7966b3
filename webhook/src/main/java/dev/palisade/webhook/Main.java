package dev.palisade.webhook;

import dev.palisade.config.ConfigException;
import dev.palisade.engine.RuleCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code java -jar palisade-webhook.jar --config FILE --tls-cert FILE --tls-key FILE}. */
@Command(name = "palisade-webhook", mixinStandardHelpOptions = true,
        description = "Palisade validating admission webhook: POST /validate over TLS; /healthz, /readyz and "
                + "/metrics on the plain health port.")
public final class Main implements Callable<Integer> {
    @Option(names = "--config", required = true, description = ".palisade.yaml (reloaded when it changes)")
    Path config;
    @Option(names = "--tls-cert", required = true, description = "PEM certificate chain (reloaded when it changes)")
    Path tlsCert;
    @Option(names = "--tls-key", required = true, description = "PEM private key")
    Path tlsKey;
    @Option(names = "--client-ca", description = "PEM CA bundle: require client certificates signed by it")
    Path clientCa;
    @Option(names = "--port", defaultValue = "8443", description = "TLS port for /validate (default ${DEFAULT-VALUE})")
    int port;
    @Option(names = "--health-port", defaultValue = "8080", description = "plain port for /healthz, /readyz, /metrics")
    int healthPort;
    @Option(names = "--host", defaultValue = "0.0.0.0", description = "address to listen on")
    String host;
    @Option(names = "--namespace", description = "the webhook's own namespace (never judged)")
    String namespace;
    @Option(names = "--no-informers", description = "no cluster caches: cross-object rules are skipped (local runs)")
    boolean noInformers;
    @Option(names = "--workers", description = "threads evaluating rules (default: number of CPUs)")
    Integer workers;
    @Option(names = "--event-loops", description = "threads doing network I/O and TLS (default: number of CPUs)")
    Integer eventLoops;
    @Option(names = "--max-inflight", defaultValue = "512", description = "reviews queued or running before "
            + "further ones are answered at once with allowed + warning")
    int maxInflight;
    @Option(names = "--max-body-bytes", defaultValue = "3145728", description = "larger requests get 413")
    int maxBodyBytes;
    @Option(names = "--grace-seconds", defaultValue = "25", description = "how long SIGTERM waits for in-flight reviews")
    int graceSeconds;
    @Option(names = "--jdk-tls", description = "use the JDK's TLS (JSSE) even where BoringSSL is available "
            + "(e.g. to use a FIPS-configured JDK provider)")
    boolean jdkTls;
    @Option(names = "--reload-seconds", defaultValue = "5", description = "how often config and TLS files are checked")
    int reloadSeconds;

    public static void main(String[] args) {
        int code = new CommandLine(new Main()).execute(args);
        if (code != 0) {
            System.exit(code);
        }
        // running: Vert.x's threads keep the JVM alive until SIGTERM runs the shutdown hook
    }

    /**
     * The namespaces the webhook does not judge at start (its own and the configured exempt ones),
     * which the informers need not cache. A config that does not parse leaves out only the own
     * namespace: the server then refuses to start on it anyway.
     */
    private Set<String> neverJudged(RuleCatalog catalog) {
        Set<String> out = new TreeSet<>();
        if (namespace != null) {
            out.add(namespace);
        }
        try {
            out.addAll(ConfigSnapshot.parse(catalog, config.toString(), Files.readString(config)).settings()
                    .exemptNamespaces());
        } catch (IOException | ConfigException e) {
            // reported by server.start() below, with the problems
        }
        return out;
    }

    @Override
    public Integer call() throws Exception {
        JsonLog.installForLibraries();
        WebhookServer.Options d = WebhookServer.Options.defaults(config, tlsCert, tlsKey);
        WebhookServer.Options options = new WebhookServer.Options(config, tlsCert, tlsKey, clientCa, host, port,
                healthPort, eventLoops == null ? d.eventLoops() : eventLoops, workers == null ? d.workers() : workers,
                maxInflight, maxBodyBytes, Duration.ofSeconds(reloadSeconds), Duration.ofSeconds(graceSeconds), jdkTls);
        RuleCatalog catalog = RuleCatalog.load();
        ClusterIndex index = noInformers ? ClusterIndex.none() : InformerIndex.start(neverJudged(catalog));
        WebhookServer server = new WebhookServer(options, catalog, index, namespace);
        try {
            server.start();
        } catch (ConfigException e) {
            JsonLog.error("config.invalid", "config", config.toString(), "problems", e.problems());
            index.close();
            return 2;
        } catch (java.io.IOException | RuntimeException e) {
            JsonLog.error("start.failed", "error", e.getClass().getSimpleName() + ": " + e.getMessage());
            index.close();
            return 1;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.stop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "palisade-shutdown"));
        return 0;
    }
}
