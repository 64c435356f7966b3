package dev.palisade.webhook;

import dev.palisade.engine.RuleCatalog;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * The webhook's review path in process, without the network (a benchmark tool, not a test): decode,
 * review with the real rule catalog and encode the bench's AdmissionReviews (the Deployment, the
 * Pod, the Service, in turn) on one thread, and print the thread CPU time per review after a
 * warm-up, and the bytes it allocated per review (young collections, hence pauses, follow from
 * them). JIT compilation runs on other threads and is not in it. With several configurations
 * the rounds alternate between them in one JVM, so drift (JIT, a busy machine) hits each alike:
 * on a shared machine successive rounds of one configuration differed by up to 40 %. First it prints a
 * SHA-256 of the answers to every AdmissionReview in the fixture folder per configuration, to compare
 * an optimisation's answers with those before it.
 *
 * <pre>
 * ReviewCpu [--warm N] [--reviews N] [--rounds N] CONFIG...     (defaults 30000, 10000, 4)
 * </pre>
 */
public final class ReviewCpu {
    public static void main(String[] args) throws Exception {
        int warm = 30_000;
        int measured = 10_000;
        int rounds = 4;
        List<Path> configs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--warm" -> warm = Integer.parseInt(args[++i]);
                case "--reviews" -> measured = Integer.parseInt(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                default -> configs.add(Path.of(args[i]));
            }
        }
        RuleCatalog catalog = RuleCatalog.load();
        List<ConfigSnapshot> snapshots = new ArrayList<>();
        for (Path config : configs) {
            snapshots.add(ConfigSnapshot.parse(catalog, config.toString(), Files.readString(config)));
        }
        Path fixtures = Path.of(System.getProperty("palisade.admission", "testdata/admission"));
        List<byte[]> bodies = List.of(Files.readAllBytes(fixtures.resolve("deployment-create.json")),
                Files.readAllBytes(fixtures.resolve("pod-create.json")),
                Files.readAllBytes(fixtures.resolve("service-create.json")));
        Reviewer reviewer = new Reviewer(ClusterIndex.none(), new Metrics(), null);
        for (int c = 0; c < snapshots.size(); c++) {
            System.out.println("answers sha256 " + answersDigest(reviewer, snapshots.get(c), fixtures) + " " + configs.get(c));
        }
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long self = Thread.currentThread().getId();
        for (ConfigSnapshot snapshot : snapshots) {
            run(reviewer, snapshot, bodies, warm);
        }
        double[] total = new double[snapshots.size()];
        double[] allocated = new double[snapshots.size()];
        for (int round = 1; round <= rounds; round++) {
            for (int c = 0; c < snapshots.size(); c++) {
                long bytes = threads.getThreadAllocatedBytes(self);
                long start = threads.getCurrentThreadCpuTime();
                run(reviewer, snapshots.get(c), bodies, measured);
                double micros = (threads.getCurrentThreadCpuTime() - start) / 1e3 / measured;
                double kib = (threads.getThreadAllocatedBytes(self) - bytes) / 1024.0 / measured;
                total[c] += micros;
                allocated[c] += kib;
                System.out.printf(Locale.ROOT, "round %d %s: %.1f us, %.1f KiB allocated%n", round, configs.get(c), micros, kib);
            }
        }
        for (int c = 0; c < snapshots.size(); c++) {
            System.out.printf(Locale.ROOT, "in process, %s: %.1f us thread CPU and %.1f KiB allocated per review "
                    + "(decode + review + encode; mean of %d rounds of %d after %d warm-up)%n", configs.get(c),
                    total[c] / rounds, allocated[c] / rounds, rounds, measured, warm);
        }
    }

    /** SHA-256 over each fixture's name and encoded answer, fixtures in name order. */
    private static String answersDigest(Reviewer reviewer, ConfigSnapshot snapshot, Path fixtures) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        List<Path> files;
        try (var list = Files.list(fixtures)) {
            files = list.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        for (Path file : files) {
            AdmissionRequest req = AdmissionRequest.decode(Files.readAllBytes(file));
            sha.update(file.getFileName().toString().getBytes(StandardCharsets.UTF_8));
            sha.update(WebhookServer.encode(req, reviewer.review(req, snapshot)));
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static void run(Reviewer reviewer, ConfigSnapshot snapshot, List<byte[]> bodies, int reviews)
            throws AdmissionRequest.Malformed {
        for (int i = 0; i < reviews; i++) {
            AdmissionRequest req = AdmissionRequest.decode(bodies.get(i % bodies.size()));
            WebhookServer.encode(req, reviewer.review(req, snapshot));
        }
    }
}
