package dev.palisade.cli;

import dev.palisade.cli.docs.RuleDocs;
import dev.palisade.engine.RuleCatalog;
import java.io.IOException;
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

    @Option(names = "--check", description = "Write nothing; exit 1 when anything is stale.")
    boolean check;

    @Override
    public Integer call() throws UserError {
        Env env = main.env;
        RuleDocs docs = new RuleDocs(RuleCatalog.load(), env.workDir().resolve(fixtures));
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
}
