package dev.palisade.model;

/** Identifies a Kubernetes object in findings. Any field may be null when the manifest lacks it. */
public record ObjectRef(String apiVersion, String kind, String namespace, String name) {
    public static final ObjectRef NONE = new ObjectRef(null, null, null, null);

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
