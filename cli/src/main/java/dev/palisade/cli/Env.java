package dev.palisade.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * What a command may touch of the outside world, so tests can run it in-process.
 *
 * @param workDir  where relative paths and {@code .palisade.yaml} are looked up
 * @param stdin    read for the input {@code -}
 * @param out      reports
 * @param err      errors and notices
 * @param terminal whether {@code out} is an interactive terminal (colours)
 */
public record Env(Path workDir, InputStream stdin, PrintStream out, PrintStream err, boolean terminal) {
    static Env system() {
        boolean terminal = System.console() != null && System.getenv("NO_COLOR") == null
                && !"dumb".equals(System.getenv("TERM"));
        return new Env(Path.of("").toAbsolutePath(), System.in, System.out, System.err, terminal);
    }
}
