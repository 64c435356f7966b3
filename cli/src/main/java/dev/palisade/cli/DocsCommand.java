package dev.palisade.cli;

import dev.palisade.cli.docs.RuleDocs;
import dev.palisade.engine.RuleCatalog;
import dev.palisade.config.PalisadeConfig;
import dev.palisade.engine.Engine;
import dev.palisade.engine.LintReport;
import dev.palisade.model.Severity;
import dev.palisade.report.Format;
import dev.palisade.report.ReportContext;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.util.Optional;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code palisade docs}: writes (or checks) docs/rules/*.md and the README's rule table. */
@Command(name = "docs", mixinStandardHelpOptions = true,
        description = "Generate one markdown file per rule and the README rule table; --check only compares.")
final class DocsCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Option(names = "--out", defaultValue = "docs/rules", description = "Folder of rule docs (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--readme", description = "README whose table between <!-- rules:begin --> and <!-- rules:end --> to update.")
    Path readme;

    @Option(names = "--fixtures", defaultValue = "testdata/rules", description = "Rule fixtures to quote examples from (default: ${DEFAULT-VALUE}).")
    Path fixtures;

    @Option(names = "--demo", defaultValue = "testdata/demo",
            description = "Folder whose lint output fills the README's demo block, if it exists (default: ${DEFAULT-VALUE}).")
    Path demo;

    @Option(names = "--check", description = "Write nothing; exit 1 when anything is stale.")
    boolean check;

    @Override
    public Integer call() throws UserError {
        Env env = main.env;
        RuleCatalog catalog = RuleCatalog.load();
        RuleDocs docs = new RuleDocs(catalog, env.workDir().resolve(fixtures), demoOutput(env, catalog));
        try {
            List<String> stale = docs.stale(env.workDir().resolve(out), readme == null ? null : env.workDir().resolve(readme));
            if (check) {
                if (stale.isEmpty()) {
                    env.out().println("rule docs are up to date");
                    return 0;
                }
                stale.forEach(s -> env.out().println("stale: " + s));
                env.out().println("run: ./palisade docs --out " + out + (readme == null ? "" : " --readme " + readme));
                return 1;
            }
            docs.write(env.workDir().resolve(out), readme == null ? null : env.workDir().resolve(readme));
            env.out().println(stale.isEmpty() ? "rule docs were up to date" : "updated " + stale.size() + " file(s)");
            return 0;
        } catch (IOException | IllegalStateException e) {
            throw new UserError("docs: " + e.getMessage());
        }
    }

    /** What {@code palisade lint <demo>} prints (default rules and config, no colours), or null. */
    private String demoOutput(Env env, RuleCatalog catalog) throws UserError {
        Path dir = env.workDir().resolve(demo);
        if (readme == null || !Files.isDirectory(dir)) {
            return null;
        }
        Inputs inputs = new Inputs(env, PalisadeConfig.DEFAULT.namespaceOrDefault(),
                new Inputs.Render(false, List.of(), List.of(), null, null));
        inputs.add(demo.toString());
        LintReport report = new Engine(catalog, PalisadeConfig.DEFAULT).lint(inputs.files());
        StringWriter out = new StringWriter();
        try {
            Format.TEXT.reporter().write(new ReportContext(report, catalog, Optional.of(Severity.ERROR), false,
                    env.workDir(), Version.get()), out);
        } catch (IOException e) {
            throw new UserError("docs: cannot render the demo output: " + e.getMessage());
        }
        return out.toString();
    }
}
