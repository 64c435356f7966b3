package dev.palisade.engine;

/** A rule run once per input file, for problems met while reading it. */
public interface SourceRule extends Rule {
    void check(SourceContext ctx);
}
