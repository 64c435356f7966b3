package dev.palisade.cli;

import dev.palisade.config.PalisadeConfig;
import dev.palisade.engine.Engine;
import dev.palisade.engine.RuleCatalog;
import dev.palisade.load.ManifestLoader;
import dev.palisade.model.ManifestObject;
import dev.palisade.model.ObjectRef;
import dev.palisade.rules.schema.BundledSchemas;
import dev.palisade.rules.schema.SchemaRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Start-up work of a {@code lint} run moved onto the second core, so that a one-file run (the
 * pre-commit case) is not one long chain on a single core: the rule catalog loads, and the typed models
 * of a few small named files warm up, while picocli reads the command line; the bundled schemas of the
 * kinds the files hold are read (with their quick conformance checks) while the engine reads the same
 * objects into fabric8 models. Only work the run needs anyway is started early; a
 * failure in the background is dropped, and the foreground then meets (and reports) it as before.
 */
final class Prefetch {
    /** Bounds of the typed-model warm-up, so that it never doubles the work of a real corpus. */
    private static final int MAX_WARM_FILES = 16;
    private static final long MAX_WARM_BYTES = 256 * 1024;

    private static volatile CompletableFuture<RuleCatalog> catalog;

    private Prefetch() {
    }

    /**
     * Begins loading the rule catalog and the bundled schema index; called when the command is
     * {@code lint}. When the arguments name only a few small files (the pre-commit case), it then
     * reads them once into fabric8 models and drops the result: the first typed read of a kind builds
     * Jackson's deserializers for its whole model graph (a Pod's is about a quarter of such a run),
     * and they stay cached in the shared mapper for the real read, which would otherwise build them
     * on the main thread after picocli.
     */
    static void startCatalog(String[] args) {
        List<Path> smallFiles = smallFiles(args);
        catalog = CompletableFuture.supplyAsync(() -> {
            RuleCatalog c = RuleCatalog.load();
            BundledSchemas.versions(); // read by every run's option check
            return c;
        }, Prefetch::daemon);
        if (!smallFiles.isEmpty()) {
            daemon(() -> warmTypedModels(smallFiles));
        }
    }

    /** The regular files among the arguments when there are at most a few, small ones; else none. */
    private static List<Path> smallFiles(String[] args) {
        List<Path> files = new ArrayList<>();
        long bytes = 0;
        for (int i = 1; i < args.length; i++) {
            Path p = Path.of(args[i]);
            if (args[i].startsWith("-") || !Files.isRegularFile(p)) {
                continue; // options, directories, stdin: the run is not small, or not known to be
            }
            try {
                bytes += Files.size(p);
            } catch (IOException | SecurityException e) {
                continue;
            }
            files.add(p);
            if (files.size() > MAX_WARM_FILES || bytes > MAX_WARM_BYTES) {
                return List.of(); // not small: stop before stat-ing the rest on the start path
            }
        }
        return files;
    }

    private static void warmTypedModels(List<Path> files) {
        try {
            ManifestLoader loader = new ManifestLoader();
            for (Path f : files) {
                loader.load(f).objects().forEach(ManifestObject::typed);
            }
        } catch (RuntimeException | StackOverflowError e) {
            // a warm-up only: the real read meets and reports whatever went wrong here
        }
    }

    /** The rule catalog: the one being prefetched, else loaded now. */
    static RuleCatalog catalog() {
        CompletableFuture<RuleCatalog> f = catalog;
        catalog = null;
        if (f != null) {
            try {
                return f.join();
            } catch (CompletionException e) {
                // loading again surfaces the same failure where it always surfaced
            }
        }
        return RuleCatalog.load();
    }

    /**
     * Reads, in the background, the bundled schema of each apiVersion/kind among the loaded objects
     * when a schema rule runs. The registry reads each schema once: the schema rule that asks for it
     * meanwhile waits for that read instead of starting its own (networknt compiles it only for an
     * object the quick check does not vouch for).
     */
    static void startSchemas(Engine engine, List<ManifestObject> objects) {
        PalisadeConfig config = engine.config();
        boolean schemaRulesRun = engine.catalog().metas().stream()
                .anyMatch(m -> m.category().equals("schema") && engine.runs(m.id()));
        if (!schemaRulesRun) {
            return;
        }
        Set<ObjectRef> kinds = new LinkedHashSet<>();
        for (ManifestObject o : objects) {
            if (o.ref().apiVersion() != null && o.kind() != null) {
                kinds.add(new ObjectRef(o.ref().apiVersion(), o.kind(), null, null));
            }
        }
        if (kinds.isEmpty()) {
            return;
        }
        daemon(() -> {
            try {
                SchemaRegistry registry = SchemaRegistry.forOptions(config.schema());
                kinds.forEach(k -> registry.builtIn(k.apiVersion(), k.kind()));
            } catch (RuntimeException e) {
                // the schema rules meet the same problem and report it
            }
        });
    }

    private static void daemon(Runnable work) {
        Thread t = new Thread(work, "palisade-prefetch");
        t.setDaemon(true);
        t.start();
    }
}
