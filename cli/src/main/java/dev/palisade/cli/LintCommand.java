package dev.palisade.cli;

import dev.palisade.config.ConfigLoader;
import dev.palisade.config.PalisadeConfig;
import dev.palisade.engine.Engine;
import dev.palisade.engine.LintReport;
import dev.palisade.engine.RuleCatalog;
import dev.palisade.model.Severity;
import dev.palisade.report.Format;
import dev.palisade.report.ReportContext;
import dev.palisade.rules.schema.SchemaRegistry;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code palisade lint}: load, check, report; exit 0 (clean), 1 (findings at --fail-on) or 2 (error). */
@Command(name = "lint", mixinStandardHelpOptions = true,
        description = {"Lint manifests: files (any extension), folders (*.yaml, *.yml, *.json, recursively), "
                + "'-' for standard input, Helm charts and kustomizations (rendered).",
                "Exit codes: 0 no finding at or above --fail-on, 1 there are, 2 usage, configuration or I/O error."})
final class LintCommand implements Callable<Integer> {
    /** The severity from which findings fail the run. */
    enum FailOn { ERROR, WARNING, INFO, NEVER }

    @ParentCommand
    Main main;

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Files, folders, or '-' for standard input.")
    List<String> paths = new ArrayList<>();

    @Option(names = {"-f", "--format"}, defaultValue = "text", paramLabel = "FORMAT",
            description = "text, json, sarif, junit or github (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report to FILE instead of standard output.")
    Path output;

    @Option(names = "--fail-on", defaultValue = "error", paramLabel = "SEVERITY",
            description = "error, warning, info or never (default: ${DEFAULT-VALUE}).")
    FailOn failOn;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "Configuration file (default: " + ConfigLoader.FILE_NAME + " in the current folder, if any).")
    Path config;

    @Option(names = "--rule", paramLabel = "ID", description = "Run only this rule (repeatable).")
    List<String> onlyRules = new ArrayList<>();

    @Option(names = "--skip-rule", paramLabel = "ID", description = "Do not run this rule (repeatable).")
    List<String> skipRules = new ArrayList<>();

    @Option(names = {"-n", "--namespace"}, paramLabel = "NS",
            description = "Namespace of objects that name none (default: the config's, else 'default').")
    String namespace;

    @Option(names = "--no-color", description = "No ANSI colours (also: NO_COLOR set, or output not a terminal).")
    boolean noColor;

    @Option(names = "--kubernetes-version", paramLabel = "1.NN", description = "Kubernetes version whose API schemas apply (default: newest bundled).")
    String kubernetesVersion;

    @Option(names = "--crd", paramLabel = "PATH", description = "File or folder of CustomResourceDefinitions (repeatable).")
    List<String> crds = new ArrayList<>();

    @Option(names = "--schema-location", paramLabel = "TEMPLATE", description = "kubeconform-style schema location (repeatable).")
    List<String> schemaLocations = new ArrayList<>();

    @Option(names = "--allow-network", description = "Allow http(s) schema locations.")
    boolean allowNetwork;

    @Option(names = "--strict-kinds", description = "Report kinds without a schema as warnings, not info.")
    boolean strictKinds;

    @Option(names = "--helm-chart", paramLabel = "DIR", description = "Render this chart with 'helm template' and lint the output.")
    Path helmChart;

    @Option(names = "--values", paramLabel = "FILE", description = "Values file for rendered charts (repeatable).")
    List<Path> values = new ArrayList<>();

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Value for rendered charts (repeatable).")
    List<String> set = new ArrayList<>();

    @Option(names = "--release", paramLabel = "NAME", description = "Release name for rendered charts (default: release).")
    String release;

    @Option(names = "--kustomize", paramLabel = "DIR", description = "Build this kustomization and lint the output.")
    Path kustomize;

    @Option(names = "--no-render", description = "Lint folders holding Chart.yaml or kustomization.yaml as plain files.")
    boolean noRender;

    @Override
    public Integer call() throws UserError {
        Env env = main.env;
        if (paths.isEmpty() && helmChart == null && kustomize == null) {
            throw new UserError("nothing to lint: give files or folders, '-' for standard input, --helm-chart or --kustomize");
        }
        RuleCatalog catalog = Prefetch.catalog();
        PalisadeConfig cfg = loadConfig(env, catalog);
        RuleCatalog withUserRules = catalog.plus(cfg.userRules());
        Engine engine = new Engine(catalog, cfg, ruleIds(withUserRules, onlyRules, "--rule"),
                ruleIds(withUserRules, skipRules, "--skip-rule"));

        Inputs inputs = new Inputs(env, cfg.namespaceOrDefault(),
                new Inputs.Render(!noRender, values.stream().map(v -> env.workDir().resolve(v)).toList(), set, release, namespace));
        paths.forEach(inputs::add);
        if (helmChart != null) {
            inputs.addHelmChart(helmChart);
        }
        if (kustomize != null) {
            inputs.addKustomization(kustomize);
        }
        LintReport report = engine.lint(inputs.inputs(), objects -> Prefetch.startSchemas(engine, objects));

        Optional<Severity> threshold = failOn == FailOn.NEVER ? Optional.empty() : Severity.parse(failOn.name());
        boolean color = env.terminal() && output == null && !noColor;
        ReportContext run = new ReportContext(report, engine.catalog(), threshold, color, env.workDir(), Version.get());
        writeReport(env, run);
        inputs.notices().forEach(n -> env.err().println("palisade: " + n));
        if (!inputs.errors().isEmpty()) {
            inputs.errors().forEach(e -> env.err().println("palisade: " + e));
            return Main.EXIT_USAGE;
        }
        return threshold.isPresent() && report.hasAtLeast(threshold.get()) ? 1 : 0;
    }

    /** The configuration the engine gets: the file (or defaults), then --namespace and the schema flags. */
    PalisadeConfig loadConfig(Env env, RuleCatalog catalog) throws UserError {
        PalisadeConfig cfg = ConfigFiles.load(env, config, catalog);
        if (namespace != null) {
            if (!namespace.matches("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?")) {
                throw new UserError("--namespace " + namespace + ": not a valid namespace name");
            }
            cfg = cfg.withNamespace(namespace);
        }
        PalisadeConfig.SchemaOptions schema = schemaOptions(cfg.schema());
        List<String> problems = SchemaRegistry.checkOptions(schema);
        if (!problems.isEmpty()) {
            throw new UserError(problems);
        }
        return cfg.withSchema(schema);
    }

    /** The config file's schema settings with the command line's added (lists) or overriding (the rest). */
    private PalisadeConfig.SchemaOptions schemaOptions(PalisadeConfig.SchemaOptions base) throws UserError {
        if (kubernetesVersion != null && !kubernetesVersion.matches("v?1\\.\\d{1,3}")) {
            throw new UserError("--kubernetes-version " + kubernetesVersion + ": expected a minor version like 1.33");
        }
        List<String> crdPaths = new ArrayList<>(base.crdPaths());
        crds.forEach(c -> crdPaths.add(main.env.workDir().resolve(c).normalize().toString()));
        List<String> locations = new ArrayList<>(base.schemaLocations());
        locations.addAll(schemaLocations);
        return new PalisadeConfig.SchemaOptions(
                kubernetesVersion != null ? kubernetesVersion.replaceFirst("^v", "") : base.kubernetesVersion(),
                List.copyOf(crdPaths), List.copyOf(locations),
                allowNetwork || base.allowNetwork(), strictKinds || base.strictKinds());
    }

    private static Set<String> ruleIds(RuleCatalog catalog, List<String> ids, String flag) throws UserError {
        List<String> unknown = ids.stream().filter(id -> !catalog.contains(id)).toList();
        if (!unknown.isEmpty()) {
            throw new UserError(unknown.stream().map(id -> flag + " " + id + ": unknown rule (see 'palisade rules')").toList());
        }
        return new LinkedHashSet<>(ids);
    }

    private void writeReport(Env env, ReportContext run) throws UserError {
        try {
            if (output == null) {
                Writer w = new OutputStreamWriter(env.out(), StandardCharsets.UTF_8);
                format.reporter().write(run, w);
                w.flush();
            } else {
                Path file = env.workDir().resolve(output);
                try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                    format.reporter().write(run, w);
                }
            }
        } catch (IOException e) {
            throw new UserError((output == null ? "standard output" : output.toString()) + ": cannot write the report: " + e.getMessage());
        }
    }
}
