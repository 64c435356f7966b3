package dev.palisade.model;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The pod template of any workload, or a Pod itself. One view per object, read by dozens of rules,
 * so the spec's path and the container lists are made once, here.
 */
public final class PodTemplateView {
    private final String path;
    private final Map<String, String> labels;
    private final Map<String, String> annotations;
    private final PodSpec spec;
    private final String specPath;
    private final List<ContainerAt> allContainers;
    private final List<ContainerAt> containers;

    /**
     * @param path        JSON path of the template (holding {@code metadata} and {@code spec}); "" for a Pod
     * @param labels      template labels (never null)
     * @param annotations template annotations (never null)
     * @param spec        the pod spec (never null; empty when the manifest has none)
     */
    public PodTemplateView(String path, Map<String, String> labels, Map<String, String> annotations, PodSpec spec) {
        this.path = path;
        this.labels = labels;
        this.annotations = annotations;
        this.spec = spec;
        this.specPath = JsonPath.child(path, "spec");
        List<ContainerAt> all = new ArrayList<>();
        add(all, spec.getInitContainers(), "initContainers", true);
        List<ContainerAt> regular = new ArrayList<>();
        add(regular, spec.getContainers(), "containers", false);
        all.addAll(regular);
        this.allContainers = List.copyOf(all);
        this.containers = List.copyOf(regular);
    }

    /** JSON path of the template (holding {@code metadata} and {@code spec}); "" for a Pod. */
    public String path() {
        return path;
    }

    /** Template labels (never null). */
    public Map<String, String> labels() {
        return labels;
    }

    /** Template annotations (never null). */
    public Map<String, String> annotations() {
        return annotations;
    }

    /** The pod spec (never null; empty when the manifest has none). */
    public PodSpec spec() {
        return spec;
    }

    public String specPath() {
        return specPath;
    }

    public String labelsPath() {
        return JsonPath.child(JsonPath.child(path, "metadata"), "labels");
    }

    /**
     * A container or init container, with the JSON path of its node. The path is built when asked
     * for (mostly for a finding), not for every container every rule looks at.
     */
    public record ContainerAt(Container container, String listPath, int index, boolean init) {
        public String path() {
            return JsonPath.index(listPath, index);
        }
    }

    /** Init containers first, then containers, each with its path. */
    public List<ContainerAt> allContainers() {
        return allContainers;
    }

    /** Regular containers (not init, not ephemeral), with their paths. */
    public List<ContainerAt> containers() {
        return containers;
    }

    private void add(List<ContainerAt> out, List<Container> list, String field, boolean init) {
        if (list == null) {
            return;
        }
        String base = JsonPath.child(specPath, field);
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) != null) {
                out.add(new ContainerAt(list.get(i), base, i, init));
            }
        }
    }
}
