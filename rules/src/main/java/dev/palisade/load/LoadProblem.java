package dev.palisade.load;

import dev.palisade.model.ObjectRef;
import dev.palisade.model.Position;

/**
 * Something wrong with the input itself, found while reading it. Input rules turn these into
 * findings, so that their ids, severities and docs live with the other rules.
 */
public record LoadProblem(Kind kind, String message, Position position, String path, ObjectRef object) {
    public enum Kind {
        /** The file is not well-formed YAML/JSON (or not readable text). */
        SYNTAX,
        /** A mapping names the same key twice. */
        DUPLICATE_KEY,
        /** A document lacks apiVersion or kind, or is not a mapping. */
        KIND_MISSING,
        /** A document is over the size, node or alias limits. */
        TOO_LARGE,
        /** A field holds a value its typed model cannot read. */
        FIELD_TYPE
    }

    public LoadProblem(Kind kind, String message, Position position) {
        this(kind, message, position, "", ObjectRef.NONE);
    }
}
