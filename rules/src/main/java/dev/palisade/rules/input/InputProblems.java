package dev.palisade.rules.input;

import dev.palisade.engine.SourceContext;
import dev.palisade.load.LoadProblem;

/** Shared by the input rules: report each loader problem of one kind with its own message. */
final class InputProblems {
    private InputProblems() {
    }

    static void report(SourceContext ctx, LoadProblem.Kind kind) {
        for (LoadProblem p : ctx.source().problems()) {
            if (p.kind() == kind) {
                ctx.report(p, p.message());
            }
        }
    }
}
