package dev.palisade.model;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The pod template of any workload, or a Pod itself.
 *
 * @param path   JSON path of the template (holding {@code metadata} and {@code spec}); "" for a Pod
 * @param labels template labels (never null)
 * @param annotations template annotations (never null)
 * @param spec   the pod spec (never null; empty when the manifest has none)
 */
public record PodTemplateView(String path, Map<String, String> labels, Map<String, String> annotations, PodSpec spec) {

    public String specPath() {
        return JsonPath.child(path, "spec");
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
        List<ContainerAt> out = new ArrayList<>();
        add(out, spec.getInitContainers(), "initContainers", true);
        add(out, spec.getContainers(), "containers", false);
        return out;
    }

    /** Regular containers (not init, not ephemeral), with their paths. */
    public List<ContainerAt> containers() {
        List<ContainerAt> out = new ArrayList<>();
        add(out, spec.getContainers(), "containers", false);
        return out;
    }

    private void add(List<ContainerAt> out, List<Container> list, String field, boolean init) {
        if (list == null) {
            return;
        }
        String base = JsonPath.child(specPath(), field);
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) != null) {
                out.add(new ContainerAt(list.get(i), base, i, init));
            }
        }
    }
}
