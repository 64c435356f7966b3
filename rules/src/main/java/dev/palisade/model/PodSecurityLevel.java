package dev.palisade.model;

import java.util.Locale;
import java.util.Optional;

/**
 * The Pod Security Standards levels, least to most restrictive. Each level includes every control of
 * the levels before it, so "control of level C applies under level L" is {@code L.includes(C)}.
 */
public enum PodSecurityLevel {
    PRIVILEGED, BASELINE, RESTRICTED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether a pod held to this level must pass the controls of {@code control}. */
    public boolean includes(PodSecurityLevel control) {
        return ordinal() >= control.ordinal();
    }

    public static PodSecurityLevel max(PodSecurityLevel a, PodSecurityLevel b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }

    /** The level named exactly as in a {@code pod-security.kubernetes.io/*} label value. */
    public static Optional<PodSecurityLevel> parse(String text) {
        if (text != null) {
            for (PodSecurityLevel l : values()) {
                if (l.label().equals(text)) {
                    return Optional.of(l);
                }
            }
        }
        return Optional.empty();
    }
}
