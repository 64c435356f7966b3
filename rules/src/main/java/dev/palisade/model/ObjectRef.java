package dev.palisade.model;

import java.util.Objects;

/** Identifies a Kubernetes object in findings. Any field may be null when the manifest lacks it. */
public record ObjectRef(String apiVersion, String kind, String namespace, String name) {
    public static final ObjectRef NONE = new ObjectRef(null, null, null, null);

    @Override
    public boolean equals(Object o) {
        // Written out (same values as the record's own): a record's generated equals and hashCode are
        // bootstrapped through invokedynamic on first use, which the JDK's AOT cache does not keep, and
        // that bootstrap was a noticeable part of a one-file lint's start.
        return o instanceof ObjectRef r && Objects.equals(apiVersion, r.apiVersion) && Objects.equals(kind, r.kind)
                && Objects.equals(namespace, r.namespace) && Objects.equals(name, r.name);
    }

    @Override
    public int hashCode() {
        int h = Objects.hashCode(apiVersion);
        h = 31 * h + Objects.hashCode(kind);
        h = 31 * h + Objects.hashCode(namespace);
        return 31 * h + Objects.hashCode(name);
    }

    /** The API group of {@link #apiVersion}: "" for the core group. */
    public String group() {
        if (apiVersion == null) {
            return "";
        }
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }

    /** kind/name, or kind/namespace/name, as people write it in messages. */
    public String display() {
        String k = kind == null ? "?" : kind;
        String n = name == null ? "<unnamed>" : name;
        return namespace == null ? k + "/" + n : k + "/" + namespace + "/" + n;
    }
}
