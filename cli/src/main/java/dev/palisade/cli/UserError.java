package dev.palisade.cli;

import java.util.List;

/** A problem with what the user asked for (flags, paths, config): printed as is, exit code 2. */
final class UserError extends Exception {
    private final List<String> problems;

    UserError(List<String> problems) {
        super(String.join("\n", problems), null, false, false);
        this.problems = List.copyOf(problems);
    }

    UserError(String problem) {
        this(List.of(problem));
    }

    List<String> problems() {
        return problems;
    }
}
