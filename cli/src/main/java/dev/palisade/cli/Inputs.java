package dev.palisade.cli;

import dev.palisade.cli.render.HelmRenderer;
import dev.palisade.cli.render.KustomizeRenderer;
import dev.palisade.cli.render.RenderException;
import dev.palisade.engine.LintInput;
import dev.palisade.load.LoaderLimits;
import dev.palisade.load.ManifestLoader;
import dev.palisade.load.SourceFile;
import dev.palisade.model.ManifestObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns the command line's inputs into lint inputs: plain files (whatever their extension), folders
 * walked for {@code .yaml}/{@code .yml}/{@code .json}, stdin, and charts/kustomizations rendered.
 * Files on disk are parsed when the engine asks (it may read a large set twice rather than hold it);
 * stdin and rendered output are read now and held. A path that cannot be read is collected as an
 * error while every other input is still read. A chart
 * or kustomization named on the command line must render (a missing tool is an error); one found
 * deeper in a folder is skipped with a notice when its tool is missing, so linting a repository
 * does not require helm.
 */
final class Inputs {
    private static final Pattern MANIFEST_NAME = Pattern.compile(".*\\.(ya?ml|json)", Pattern.CASE_INSENSITIVE);

    /** How charts found among the inputs are rendered; null values when rendering is off. */
    record Render(boolean enabled, List<Path> values, List<String> set, String release, String namespace) {
    }

    private final Env env;
    private final ManifestLoader loader;
    private final String defaultNamespace;
    private final Render render;
    private final List<LintInput> inputs = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();
    private final List<String> notices = new ArrayList<>();
    private boolean stdinRead;

    Inputs(Env env, String defaultNamespace, Render render) {
        this.env = env;
        this.loader = new ManifestLoader(LoaderLimits.DEFAULT, defaultNamespace);
        this.defaultNamespace = defaultNamespace;
        this.render = render;
    }

    List<LintInput> inputs() {
        return inputs;
    }

    /** Every input loaded (for a caller that keeps the whole set anyway). */
    List<SourceFile> files() {
        return inputs.stream().map(LintInput::load).toList();
    }

    /** Inputs that could not be read (exit code 2), each naming the path. */
    List<String> errors() {
        return errors;
    }

    /** Things skipped on purpose, worth a line on stderr but not a failure. */
    List<String> notices() {
        return notices;
    }

    /** A command-line argument: {@code -}, a file or a folder. */
    void add(String arg) {
        if (arg.equals("-")) {
            readStdin();
            return;
        }
        Path path = env.workDir().resolve(arg).normalize();
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (IOException e) {
            errors.add(arg + ": " + reason(e));
            return;
        }
        if (attrs.isDirectory()) {
            walk(path, arg);
        } else {
            loadFile(path);
        }
    }

    void addHelmChart(Path chart) {
        Path dir = env.workDir().resolve(chart).normalize();
        if (!Files.isRegularFile(dir.resolve("Chart.yaml"))) {
            errors.add(chart + ": not a Helm chart (no Chart.yaml)");
            return;
        }
        renderHelm(dir);
    }

    void addKustomization(Path kustomization) {
        Path dir = env.workDir().resolve(kustomization).normalize();
        if (!KustomizeRenderer.isKustomization(dir)) {
            errors.add(kustomization + ": not a kustomization (no kustomization.yaml)");
            return;
        }
        renderKustomize(dir);
    }

    private void readStdin() {
        if (stdinRead) {
            errors.add("-: standard input can be read only once");
            return;
        }
        stdinRead = true;
        int limit = LoaderLimits.DEFAULT.maxFileChars();
        try {
            InputStream in = env.stdin();
            byte[] bytes = in.readNBytes(limit + 1);
            if (bytes.length > limit) {
                errors.add("-: standard input is over the limit of " + limit + " bytes");
                return;
            }
            inputs.add(LintInput.of(loader.load("-", bytes)));
        } catch (IOException e) {
            errors.add("-: cannot read standard input: " + e.getMessage());
        }
    }

    private void walk(Path root, String arg) {
        List<Path> found = new ArrayList<>();
        List<Path> charts = new ArrayList<>();
        List<Path> kustomizations = new ArrayList<>();
        try {
            Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (!dir.equals(root) && dir.getFileName().toString().startsWith(".")) {
                        return FileVisitResult.SKIP_SUBTREE; // .git, .github, editor folders: not manifests
                    }
                    if (render.enabled() && Files.isRegularFile(dir.resolve("Chart.yaml"))) {
                        charts.add(dir);
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    if (render.enabled() && KustomizeRenderer.isKustomization(dir)) {
                        kustomizations.add(dir);
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    String name = file.getFileName().toString();
                    if (attrs.isSymbolicLink() && MANIFEST_NAME.matcher(name).matches()) {
                        errors.add(display(file) + ": broken symbolic link");
                    } else if (attrs.isRegularFile() && MANIFEST_NAME.matcher(name).matches() && !name.startsWith(".")) {
                        found.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    if (e instanceof FileSystemLoopException) {
                        notices.add(display(file) + ": symbolic link loop, skipped (its target is already linted)");
                    } else if (MANIFEST_NAME.matcher(file.getFileName().toString()).matches()
                            || !(e instanceof NoSuchFileException)) {
                        errors.add(display(file) + ": " + reason(e));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) {
                    if (e != null) {
                        errors.add(display(dir) + ": cannot list folder: " + reason(e));
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            errors.add(arg + ": " + reason(e));
        }
        loadFiles(found.stream().sorted().toList());
        for (Path chart : charts.stream().sorted().toList()) {
            if (chart.equals(root) || HelmRenderer.available()) {
                renderHelm(chart);
            } else {
                notices.add(display(chart) + ": Helm chart skipped: helm is not on PATH (lint it with --helm-chart once "
                        + "helm is installed)");
            }
        }
        for (Path dir : kustomizations.stream().sorted().toList()) {
            if (dir.equals(root) || KustomizeRenderer.available()) {
                renderKustomize(dir);
            } else {
                notices.add(display(dir) + ": kustomization skipped: neither kubectl nor kustomize is on PATH");
            }
        }
    }

    private void loadFiles(List<Path> sorted) {
        sorted.forEach(this::loadFile);
    }

    private void loadFile(Path file) {
        if (!Files.isReadable(file)) {
            errors.add(display(file) + ": permission denied");
            return;
        }
        inputs.add(new FileInput(file, display(file)));
    }

    /** A file on disk, under its display name; the engine reads it on all cores, once or twice. */
    private final class FileInput implements LintInput {
        private final Path file;
        private final String name;

        FileInput(Path file, String name) {
            this.file = file;
            this.name = name;
        }

        @Override
        public String path() {
            return name;
        }

        @Override
        public SourceFile load() {
            return loader.load(file, name);
        }
    }

    private void renderHelm(Path chart) {
        try {
            HelmRenderer.render(new HelmRenderer.Request(chart, render.values(), render.set(), render.release(),
                    render.namespace()), loader).forEach(f -> inputs.add(LintInput.of(relabel(f))));
        } catch (RenderException e) {
            errors.add(display(chart) + ": " + e.getMessage() + " (or pass --no-render to lint its files as they are)");
        }
    }

    private void renderKustomize(Path dir) {
        try {
            KustomizeRenderer.render(dir, loader, defaultNamespace).forEach(f -> inputs.add(LintInput.of(relabel(f))));
        } catch (RenderException e) {
            errors.add(display(dir) + ": " + e.getMessage() + " (or pass --no-render to lint its files as they are)");
        }
    }

    /** The file under its display name: relative to the working folder when inside it. */
    private SourceFile relabel(SourceFile f) {
        if (f.path().equals("-")) {
            return f;
        }
        String name = display(Path.of(f.path()));
        if (name.equals(f.path())) {
            return f;
        }
        List<ManifestObject> objects = f.objects().stream()
                .map(o -> new ManifestObject(name, o.tree(), o.positions(), defaultNamespace))
                .toList();
        return new SourceFile(name, objects, f.problems(), f.lines());
    }

    private String display(Path p) {
        Path abs = env.workDir().resolve(p).normalize();
        return abs.startsWith(env.workDir()) && !abs.equals(env.workDir())
                ? env.workDir().relativize(abs).toString() : abs.toString();
    }

    private static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason().toLowerCase(Locale.ROOT);
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
