package dev.palisade.engine;

import dev.palisade.load.LoadProblem;
import dev.palisade.load.SourceFile;

/** What a {@link SourceRule} sees: one file as read, and a way to report its problems. */
public interface SourceContext {
    SourceFile source();

    /** Reports a finding at the problem's position, with the given message. */
    void report(LoadProblem problem, String message);
}
