package dev.palisade.cli;

import dev.palisade.cli.docs.RuleDocs;
import dev.palisade.engine.RuleCatalog;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code palisade explain RULE}: one rule's documentation, as in docs/rules. */
@Command(name = "explain", mixinStandardHelpOptions = true, description = "Print one rule's documentation.")
final class ExplainCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Parameters(paramLabel = "RULE", description = "A rule id, as 'palisade rules' lists them.")
    String rule;

    @Override
    public Integer call() throws UserError {
        RuleCatalog catalog = RuleCatalog.load();
        RuleCatalog.Entry entry = catalog.get(rule).orElseThrow(() -> new UserError(
                "unknown rule '" + rule + "'" + RuleDocs.suggestion(catalog, rule) + " (see 'palisade rules')"));
        main.env.out().print(RuleDocs.ruleDoc(entry.meta(), null));
        return 0;
    }
}
