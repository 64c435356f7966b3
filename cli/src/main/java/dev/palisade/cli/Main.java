package dev.palisade.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code palisade}: lint Kubernetes manifests, list and document the rules. */
@Command(name = "palisade", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Finds mistakes in Kubernetes manifests before the cluster does.")
public final class Main implements Runnable {
    /** Exit code for usage, configuration and I/O errors. */
    public static final int EXIT_USAGE = 2;

    /** The commands by name, in the order the usage message lists them (then 'help'). */
    private static final Map<String, Class<?>> SUBCOMMANDS = new LinkedHashMap<>();

    static {
        SUBCOMMANDS.put("lint", LintCommand.class);
        SUBCOMMANDS.put("rules", RulesCommand.class);
        SUBCOMMANDS.put("explain", ExplainCommand.class);
        SUBCOMMANDS.put("docs", DocsCommand.class);
    }

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
        if (args.length > 0 && args[0].equals("lint")) {
            Prefetch.startCatalog(args);
        }
        System.exit(run(Env.system(), args));
    }

    /** Runs one command line and returns its exit code; never throws. */
    public static int run(Env env, String... args) {
        CommandLine cli = commandLine(env, args);
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

    /** The command line with every subcommand (usage, help, a misspelt command's suggestions). */
    static CommandLine commandLine(Env env) {
        return commandLine(env, new String[0]);
    }

    /**
     * The command line for these arguments. picocli reads a command's annotations by reflection when it
     * is registered, which is a good part of a one-file lint's start-up, so when the first argument names
     * a command only that one is registered; parsing and messages are the same, as a command never
     * refers to its siblings.
     */
    static CommandLine commandLine(Env env, String[] args) {
        CommandLine cli = new CommandLine(new Main(env));
        Class<?> named = args.length > 0 ? SUBCOMMANDS.get(args[0]) : null;
        if (named != null) {
            cli.addSubcommand(named);
        } else {
            SUBCOMMANDS.values().forEach(cli::addSubcommand);
            cli.addSubcommand(CommandLine.HelpCommand.class);
        }
        return cli.setCaseInsensitiveEnumValuesAllowed(true);
    }
}
