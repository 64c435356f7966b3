package dev.palisade.engine;

/**
 * A check, annotated with {@link RuleInfo}. Implement {@link ObjectRule} to judge objects or
 * {@link SourceRule} to judge how files read; register the class in
 * {@code META-INF/services/dev.palisade.engine.Rule}.
 */
public interface Rule {
}
