package dev.palisade.rules.probes;

import dev.palisade.engine.ObjectContext;
import dev.palisade.engine.ObjectRule;
import dev.palisade.engine.RuleInfo;
import dev.palisade.model.JsonPath;
import dev.palisade.model.PodTemplateView;
import dev.palisade.model.PodTemplateView.ContainerAt;
import dev.palisade.model.Severity;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Probe;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

@RuleInfo(id = "probe-port-unknown", severity = Severity.WARNING, category = "probes",
        summary = "A probe's port is a name the container does not declare (the kubelet cannot resolve it, so "
                + "the probe always fails), or a number no container of the pod declares while ports are "
                + "declared (usually a typo or a stale port) and the probed container's command, args and "
                + "env values do not mention it.",
        remediation = "Point the probe at a port listed in the container's ports (by name or number), or "
                + "declare the port the application listens on.")
public final class ProbePortUnknown implements ObjectRule {

    @Override
    public void check(ObjectContext ctx) {
        ctx.podTemplate().ifPresent(t -> {
            Set<Integer> podPorts = declaredNumbers(t);
            for (ContainerAt c : t.allContainers()) {
                Container container = c.container();
                checkProbe(ctx, c, "livenessProbe", container.getLivenessProbe(), podPorts);
                checkProbe(ctx, c, "readinessProbe", container.getReadinessProbe(), podPorts);
                checkProbe(ctx, c, "startupProbe", container.getStartupProbe(), podPorts);
            }
        });
    }

    private static Set<Integer> declaredNumbers(PodTemplateView t) {
        Set<Integer> out = new HashSet<>();
        for (ContainerAt c : t.allContainers()) {
            for (ContainerPort p : ports(c.container())) {
                if (p.getContainerPort() != null) {
                    out.add(p.getContainerPort());
                }
            }
        }
        return out;
    }

    private static List<ContainerPort> ports(Container c) {
        return c.getPorts() == null ? List.of() : c.getPorts().stream().filter(Objects::nonNull).toList();
    }

    /**
     * Whether the container's command, args or env values name the port as a whole number (e.g.
     * {@code --health-probe-bind-address=:8081}, as the kubebuilder scaffold has): the application is
     * told to listen there, so the port is deliberate, just undeclared (declaring a port is optional).
     */
    private static boolean configuredInCommandLine(Container c, int port) {
        Pattern number = Pattern.compile("(?<![0-9])" + port + "(?![0-9])");
        Stream<String> words = Stream.of(c.getCommand(), c.getArgs())
                .filter(Objects::nonNull)
                .flatMap(List::stream);
        Stream<String> env = c.getEnv() == null ? Stream.empty() : c.getEnv().stream()
                .filter(Objects::nonNull).map(EnvVar::getValue);
        return Stream.concat(words, env).filter(Objects::nonNull).anyMatch(w -> number.matcher(w).find());
    }

    private static void checkProbe(ObjectContext ctx, ContainerAt c, String field, Probe probe, Set<Integer> podPorts) {
        if (probe == null) {
            return;
        }
        if (probe.getHttpGet() != null) {
            checkPort(ctx, c, field, probe.getHttpGet().getPort(), "httpGet", podPorts);
        }
        if (probe.getTcpSocket() != null) {
            checkPort(ctx, c, field, probe.getTcpSocket().getPort(), "tcpSocket", podPorts);
        }
        if (probe.getGrpc() != null && probe.getGrpc().getPort() != null) {
            checkPort(ctx, c, field, new IntOrString(probe.getGrpc().getPort()), "grpc", podPorts);
        }
    }

    /** {@code handler}: httpGet, tcpSocket or grpc; the finding's path is built only when there is one. */
    private static void checkPort(ObjectContext ctx, ContainerAt c, String field, IntOrString port, String handler,
            Set<Integer> podPorts) {
        if (port == null) {
            return;
        }
        String name = c.container().getName();
        if (port.getStrVal() != null) {
            String portName = port.getStrVal();
            boolean declared = ports(c.container()).stream().anyMatch(p -> portName.equals(p.getName()));
            if (!declared) {
                ctx.report(portPath(c, field, handler), field + " of container '" + name + "' uses port name '" + portName
                        + "', which the container does not declare; add it to the container's ports or use "
                        + "a declared port");
            }
        } else if (port.getIntVal() != null && !podPorts.isEmpty() && !podPorts.contains(port.getIntVal())
                && !configuredInCommandLine(c.container(), port.getIntVal())) {
            ctx.report(portPath(c, field, handler), field + " of container '" + name + "' probes port " + port.getIntVal()
                    + ", which no container of the pod declares (declared: " + podPorts.stream().sorted().toList()
                    + "); probe a declared port or declare this one");
        }
    }

    private static String portPath(ContainerAt c, String field, String handler) {
        return JsonPath.child(JsonPath.child(JsonPath.child(c.path(), field), handler), "port");
    }
}
