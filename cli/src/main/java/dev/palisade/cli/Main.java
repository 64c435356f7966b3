package dev.palisade.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code palisade}: lint Kubernetes manifests, list and document the rules. */
@Command(name = "palisade", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Finds mistakes in Kubernetes manifests before the cluster does.",
        subcommands = {LintCommand.class, RulesCommand.class, ExplainCommand.class, DocsCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    /** Exit code for usage, configuration and I/O errors. */
    public static final int EXIT_USAGE = 2;

    final Env env;

    @Spec
    CommandSpec spec;

    Main(Env env) {
        this.env = env;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: lint, rules, explain or docs");
    }

    public static void main(String[] args) {
        System.exit(run(Env.system(), args));
    }

    /** Runs one command line and returns its exit code; never throws. */
    public static int run(Env env, String... args) {
        CommandLine cli = commandLine(env);
        cli.setOut(new java.io.PrintWriter(env.out(), true));
        cli.setErr(new java.io.PrintWriter(env.err(), true));
        cli.setParameterExceptionHandler((e, argv) -> {
            env.err().println("palisade: " + e.getMessage());
            env.err().println("Run '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help' for usage.");
            return EXIT_USAGE;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parsed) -> {
            if (e instanceof UserError u) {
                u.problems().forEach(p -> env.err().println("palisade: " + p));
                return EXIT_USAGE;
            }
            env.err().println("palisade: internal error: " + e + " (please report it; set PALISADE_DEBUG=1 for details)");
            if (System.getenv("PALISADE_DEBUG") != null) {
                e.printStackTrace(env.err());
            }
            return EXIT_USAGE;
        });
        return cli.execute(args);
    }

    static CommandLine commandLine(Env env) {
        return new CommandLine(new Main(env)).setCaseInsensitiveEnumValuesAllowed(true);
    }
}
