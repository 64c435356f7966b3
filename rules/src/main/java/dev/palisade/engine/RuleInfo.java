package dev.palisade.engine;

import dev.palisade.model.Severity;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A rule's metadata, written next to its logic. Docs, the catalog and the README table are
 * generated from it; the id is a contract with users' configs and suppressions.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RuleInfo {
    /** Stable id, lower-case words joined by '-'. */
    String id();

    Severity severity();

    /** A family: selectors, resources, controllers, storage, services, input, schema... */
    String category();

    /** One sentence: what the rule finds. */
    String summary();

    /** What to change to fix a finding. */
    String remediation();

    /** Off-by-default rules serve policies some teams have and others do not. */
    boolean enabledByDefault() default true;

    Param[] params() default {};

    /** A rule parameter users can set in {@code .palisade.yaml}. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target({})
    @interface Param {
        String name();

        ParamType type();

        /** The default, as it would be written in YAML (lists: comma-separated). */
        String defaultValue();

        String description();
    }

    enum ParamType { INT, STRING, STRING_LIST, BOOL }
}
