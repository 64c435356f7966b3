package dev.palisade.cli.render;

import com.fasterxml.jackson.databind.JsonNode;
import dev.palisade.load.LoadProblem;
import dev.palisade.load.ManifestLoader;
import dev.palisade.load.SourceFile;
import dev.palisade.model.ManifestObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds a kustomization with {@code kubectl kustomize} (or {@code kustomize build}) and maps each
 * rendered object back to the resource file that declared it (same kind, name equal up to the
 * prefixes/suffixes kustomize adds). Findings then point into that file, at the field when it is
 * written there, else at the nearest ancestor that is (a field added by a patch points at its
 * parent). Objects no file declares (generators) are reported against the rendered output.
 */
public final class KustomizeRenderer {
    private static final Set<String> KUSTOMIZATION_FILES = Set.of("kustomization.yaml", "kustomization.yml", "Kustomization");

    private KustomizeRenderer() {
    }

    public static boolean isKustomization(Path dir) {
        return KUSTOMIZATION_FILES.stream().anyMatch(f -> Files.isRegularFile(dir.resolve(f)));
    }

    /** Whether kubectl or kustomize is on PATH. */
    public static boolean available() {
        return Tool.onPath("kubectl").isPresent() || Tool.onPath("kustomize").isPresent();
    }

    public static List<SourceFile> render(Path dir, ManifestLoader loader, String defaultNamespace) throws RenderException {
        List<String> cmd;
        if (Tool.onPath("kubectl").isPresent()) {
            cmd = List.of(Tool.onPath("kubectl").get().toString(), "kustomize", dir.toString());
        } else if (Tool.onPath("kustomize").isPresent()) {
            cmd = List.of(Tool.onPath("kustomize").get().toString(), "build", dir.toString());
        } else {
            throw new RenderException("neither kubectl nor kustomize is on PATH: install one to lint "
                    + "kustomizations, or pipe 'kustomize build' output to 'palisade lint -'");
        }
        String output = Tool.run(cmd, "kustomize build " + dir);
        String renderedName = dir.resolve("(kustomize output)").toString();
        SourceFile rendered = loader.load(renderedName, output);
        List<SourceFile> declared = new ArrayList<>();
        collectResources(dir, loader, declared, new java.util.HashSet<>());
        return mapBack(rendered, declared, defaultNamespace);
    }

    /** Loads every resource file a kustomization (and the ones it includes) declares. */
    private static void collectResources(Path dir, ManifestLoader loader, List<SourceFile> out, Set<Path> seen) {
        Path d = dir.toAbsolutePath().normalize();
        if (!seen.add(d)) {
            return;
        }
        Path file = KUSTOMIZATION_FILES.stream().map(d::resolve).filter(Files::isRegularFile).findFirst().orElse(null);
        if (file == null) {
            return;
        }
        JsonNode tree = kustomizationTree(file);
        for (String field : List.of("resources", "bases", "components")) {
            for (JsonNode entry : tree.path(field)) {
                String ref = entry.asText("");
                if (ref.isEmpty() || ref.contains("://") || ref.startsWith("github.com/")) {
                    continue; // remote bases are rendered by kustomize but cannot be mapped to a local file
                }
                Path p = d.resolve(ref).normalize();
                if (Files.isDirectory(p)) {
                    collectResources(p, loader, out, seen);
                } else if (Files.isRegularFile(p)) {
                    out.add(loader.load(p));
                }
            }
        }
    }

    /** The kustomization's content; it need not have apiVersion/kind, so it is read as plain YAML. */
    private static JsonNode kustomizationTree(Path file) {
        try {
            Object data = new org.yaml.snakeyaml.Yaml(new org.yaml.snakeyaml.constructor.SafeConstructor(
                    new org.yaml.snakeyaml.LoaderOptions())).load(Files.readString(file));
            return dev.palisade.model.TypedModels.MAPPER.valueToTree(data);
        } catch (IOException | RuntimeException e) {
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance(); // kustomize itself reports it
        }
    }

    static List<SourceFile> mapBack(SourceFile rendered, List<SourceFile> declared, String defaultNamespace) {
        Map<String, List<ManifestObject>> mapped = new LinkedHashMap<>();
        List<ManifestObject> unmapped = new ArrayList<>();
        for (ManifestObject o : rendered.objects()) {
            ManifestObject origin = findOrigin(o, declared);
            if (origin == null) {
                unmapped.add(o);
            } else {
                mapped.computeIfAbsent(origin.source(), f -> new ArrayList<>())
                        .add(new ManifestObject(origin.source(), o.tree(), origin.positions(), defaultNamespace));
            }
        }
        List<SourceFile> out = new ArrayList<>();
        for (SourceFile f : declared) {
            List<ManifestObject> objects = mapped.getOrDefault(f.path(), List.of());
            List<LoadProblem> problems = f.problems();
            if (!objects.isEmpty() || !problems.isEmpty()) {
                out.add(new SourceFile(f.path(), List.copyOf(objects), problems, f.lines()));
                mapped.remove(f.path());
            }
        }
        if (!unmapped.isEmpty() || !rendered.problems().isEmpty()) {
            out.add(new SourceFile(rendered.path(), List.copyOf(unmapped), rendered.problems(), rendered.lines()));
        }
        return out;
    }

    private static ManifestObject findOrigin(ManifestObject o, List<SourceFile> declared) {
        ManifestObject best = null;
        for (SourceFile f : declared) {
            for (ManifestObject candidate : f.objects()) {
                if (!o.kind().equals(candidate.kind()) || o.name() == null || candidate.name() == null) {
                    continue;
                }
                if (o.name().equals(candidate.name())) {
                    return candidate;
                }
                if (o.name().contains(candidate.name())
                        && (best == null || candidate.name().length() > best.name().length())) {
                    best = candidate;
                }
            }
        }
        return best;
    }
}
