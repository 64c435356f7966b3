package dev.palisade.engine;

import dev.palisade.load.SourceFile;

/**
 * One input of a lint run that the engine may load more than once. The engine reads every input
 * first to build the cross-object index, then lints each; for a large run it loads each file again
 * for the second step instead of holding every parsed file in between (see {@link Engine#lint}).
 */
public interface LintInput {
    /** The path the loaded file will carry (its order among the inputs is the index's order). */
    String path();

    /** Reads the input; each call reads and parses it afresh, unless it is held in memory. */
    SourceFile load();

    /** An input already loaded, held as it is (standard input, rendered charts, tests). */
    static LintInput of(SourceFile loaded) {
        return new LintInput() {
            @Override
            public String path() {
                return loaded.path();
            }

            @Override
            public SourceFile load() {
                return loaded;
            }
        };
    }
}
