import dev.palisade.config.PalisadeConfig;
import dev.palisade.engine.Engine;
import dev.palisade.engine.Finding;
import dev.palisade.engine.LintInput;
import dev.palisade.engine.LintReport;
import dev.palisade.engine.RuleCatalog;
import dev.palisade.load.LoaderLimits;
import dev.palisade.load.ManifestLoader;
import dev.palisade.load.SourceFile;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * In-process benchmark of the lint engine, without the CLI: loads a corpus directory with
 * {@link ManifestLoader} (files in parallel, as the CLI does) and runs {@link Engine#lint} with the
 * full catalog, or only parses the same files with snakeyaml (the floor). One cold run per JVM, so
 * the figures include class loading and JIT warm-up like a real {@code palisade lint}; measure the
 * whole process with {@code /usr/bin/time -f '%e s %M KiB'} for wall time including JVM start and RSS.
 *
 * With {@code --repeat N} it runs N times in one JVM and prints the process CPU time of each run:
 * on a shared machine, CPU time of the warm runs is the steadier figure to compare two versions by.
 *
 * <p>Modes: {@code lint} (load + lint, every file held), {@code lint-stream} (as the CLI lints a
 * folder: files read for the index, then read again and linted one by one; reports the heap retained
 * once the index is built and at the end, with the report), {@code parse} (snakeyaml compose only, the floor issue 7 names),
 * {@code load} (the loader: fast YAML reader, snakeyaml for files outside its subset, Jackson trees and
 * positions) and {@code load-snakeyaml} (the loader with every file read by snakeyaml).
 *
 * <p>Compile with bench/ParseOnly.java (the parse floor and the file walk live there). Usage:
 * {@code java -cp RULES_CLASSPATH:target/bench/classes EngineBench lint|lint-stream|parse|load|load-snakeyaml DIR [--skip-schema] [--repeat N]}
 */
public final class EngineBench {
    private static final Set<String> SCHEMA_RULES = Set.of("schema-unknown-field", "schema-type-mismatch",
            "schema-required-missing", "schema-enum-invalid", "unknown-kind");

    public static void main(String[] args) throws IOException {
        int repeat = List.of(args).contains("--repeat") ? Integer.parseInt(args[List.of(args).indexOf("--repeat") + 1]) : 1;
        for (int i = 0; i < repeat; i++) {
            run(args);
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static void run(String[] args) throws IOException {
        double cpuSeconds = 0;
        String mode = args[0];
        Path dir = Path.of(args[1]);
        boolean skipSchema = List.of(args).contains("--skip-schema");
        long start = System.nanoTime();
        long cpuStart = processCpuNanos();
        List<Path> files = ParseOnly.manifestFiles(dir);
        long documents;
        String detail;
        if (mode.equals("parse")) {
            documents = ParseOnly.parse(files);
            detail = "";
        } else if (mode.equals("load") || mode.equals("load-snakeyaml")) {
            ManifestLoader loader = new ManifestLoader(LoaderLimits.DEFAULT, "default", mode.equals("load"));
            List<SourceFile> loaded = files.parallelStream().map(loader::load).toList();
            documents = loaded.stream().mapToLong(f -> f.objects().size()).sum();
            detail = "";
        } else if (mode.equals("lint-stream")) {
            // as the CLI lints a folder: each file read for the index, then read again to lint it
            ManifestLoader loader = new ManifestLoader();
            List<LintInput> inputs = files.stream().map(p -> (LintInput) new LintInput() {
                @Override
                public String path() {
                    return p.toString();
                }

                @Override
                public SourceFile load() {
                    return loader.load(p);
                }
            }).toList();
            Engine engine = new Engine(RuleCatalog.load(), PalisadeConfig.DEFAULT, Set.of(),
                    skipSchema ? SCHEMA_RULES : Set.of());
            long[] atIndex = new long[1];
            LintReport report = engine.lint(inputs, views -> atIndex[0] = retainedHeapMiB());
            cpuSeconds = (processCpuNanos() - cpuStart) / 1e9;
            long retained = retainedHeapMiB(); // the report (findings, views, excerpt lines) is reachable here
            documents = report.objects();
            detail = String.format(" retained-at-index=%dMiB retained-with-report=%dMiB findings=%d digest=%08x",
                    atIndex[0], retained, report.findings().size(), digest(report.findings()));
        } else {
            ManifestLoader loader = new ManifestLoader();
            List<SourceFile> loaded = files.parallelStream().map(loader::load).toList();
            long loadedAt = System.nanoTime();
            Engine engine = new Engine(RuleCatalog.load(), PalisadeConfig.DEFAULT, Set.of(),
                    skipSchema ? SCHEMA_RULES : Set.of());
            LintReport report = engine.lint(loaded);
            long lintedAt = System.nanoTime();
            cpuSeconds = (processCpuNanos() - cpuStart) / 1e9;
            if (List.of(args).contains("--hold")) {
                System.out.println("holding for a heap histogram: jmap -histo:live " + ProcessHandle.current().pid());
                sleep();
            }
            long retained = retainedHeapMiB(); // the loaded files and report are still reachable here
            documents = report.objects();
            detail = String.format(" load=%.2fs lint=%.2fs retained=%dMiB findings=%d rules=%d digest=%08x",
                    (loadedAt - start) / 1e9, (lintedAt - loadedAt) / 1e9, retained, report.findings().size(),
                    engine.catalog().entries().size(), digest(report.findings()));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (cpuSeconds == 0) {
            cpuSeconds = (processCpuNanos() - cpuStart) / 1e9;
        }
        System.out.printf("%s %s: %d docs in %d files, %.2fs in process, %.0f docs/s, cpu %.2fs, peak heap %d MiB%s%n",
                mode, dir, documents, files.size(), seconds, documents / seconds, cpuSeconds, peakHeapMiB(), detail);
    }

    private static void sleep() {
        try {
            Thread.sleep(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A fingerprint of the findings in order, to check that an optimisation changed no output. */
    static int digest(List<Finding> findings) {
        int h = 1;
        for (Finding f : findings) {
            h = 31 * h + (f.file() + ':' + f.line() + ':' + f.column() + ':' + f.rule() + ':' + f.message()).hashCode();
        }
        return h;
    }

    /** Heap in use after a full collection: what the lint set itself keeps alive. */
    static long retainedHeapMiB() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
    }

    static long peakHeapMiB() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak >> 20;
    }
}
