package dev.palisade.engine;

/** A rule run once per object, with the whole lint set reachable through the index. */
public interface ObjectRule extends Rule {
    void check(ObjectContext ctx);
}
