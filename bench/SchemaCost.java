import dev.palisade.config.PalisadeConfig;
import dev.palisade.engine.Engine;
import dev.palisade.engine.Finding;
import dev.palisade.engine.LintReport;
import dev.palisade.engine.RuleCatalog;
import dev.palisade.engine.RuleMeta;
import dev.palisade.load.ManifestLoader;
import dev.palisade.load.SourceFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What schema validation costs, in one JVM: loading the files, then linting with the schema and
 * upgrade rules only, cold (first run: bundled schemas read and compiled, after a baseline run that
 * warms the engine and typed models) and warm (second run).
 * Prints the findings per rule so a realistic corpus can be checked for false positives.
 * Usage: java -cp RULES_CLASSPATH bench/SchemaCost.java PATH... [--kubernetes-version 1.NN]
 */
public final class SchemaCost {
    public static void main(String[] args) throws Exception {
        String version = null;
        List<Path> roots = new java.util.ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--kubernetes-version")) {
                version = args[++i];
            } else {
                roots.add(Path.of(args[i]));
            }
        }
        long t0 = System.nanoTime();
        ManifestLoader loader = new ManifestLoader();
        List<SourceFile> files = new java.util.ArrayList<>();
        for (Path root : roots) {
            try (Stream<Path> s = Files.walk(root)) {
                for (Path p : s.filter(Files::isRegularFile).filter(p -> p.toString().matches(".*\\.(ya?ml|json)")).sorted().toList()) {
                    files.add(loader.load(p));
                }
            }
        }
        long t1 = System.nanoTime();
        RuleCatalog catalog = RuleCatalog.load();
        Set<String> ids = catalog.metas().stream().filter(m -> Set.of("schema", "upgrade").contains(m.category()))
                .map(RuleMeta::id).collect(Collectors.toSet());
        PalisadeConfig config = PalisadeConfig.DEFAULT.withSchema(new PalisadeConfig.SchemaOptions(version, List.of(), List.of(), false, false));
        long b0 = System.nanoTime();
        new Engine(catalog, config, Set.of("bare-pod"), Set.of()).lint(files); // engine, typed models: paid without schemas too
        long b1 = System.nanoTime();
        t1 = System.nanoTime();
        LintReport cold = new Engine(catalog, config, ids, Set.of()).lint(files);
        long t2 = System.nanoTime();
        List<SourceFile> again = files.stream().map(f -> loader.load(Path.of(f.path()))).toList();
        long t3 = System.nanoTime();
        LintReport warm = new Engine(catalog, config, ids, Set.of()).lint(again);
        long t4 = System.nanoTime();
        int objects = files.stream().mapToInt(f -> f.objects().size()).sum();
        System.out.printf("files %d, objects %d%n", files.size(), objects);
        System.out.printf("load (parse) %.0f ms; baseline lint (bare-pod only, cold) %.0f ms; "
                + "schema+upgrade rules cold (after baseline) %.0f ms; warm %.0f ms (%.0f objects/s warm)%n",
                (b0 - t0) / 1e6, (b1 - b0) / 1e6, (t2 - t1) / 1e6, (t4 - t3) / 1e6, objects / ((t4 - t3) / 1e9));
        Map<String, Long> byRule = new TreeMap<>(cold.findings().stream().collect(Collectors.groupingBy(Finding::rule, Collectors.counting())));
        System.out.println("findings by rule: " + byRule);
        cold.findings().stream().limit(Integer.getInteger("show", 20)).forEach(f ->
                System.out.println("  " + f.file() + ":" + f.line() + ":" + f.column() + " " + f.rule() + " " + f.message()));
    }
}
