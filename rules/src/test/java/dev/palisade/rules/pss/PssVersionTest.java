package dev.palisade.rules.pss;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.palisade.Fixtures;
import dev.palisade.config.PalisadeConfig;
import dev.palisade.engine.Engine;
import dev.palisade.engine.Finding;
import dev.palisade.load.ManifestLoader;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Controls whose allowed values changed between Kubernetes versions follow --kubernetes-version. */
class PssVersionTest {
    private static List<String> messages(String rule, String fixture, String kubernetesVersion) {
        PalisadeConfig config = PalisadeConfig.DEFAULT.withSchema(
                new PalisadeConfig.SchemaOptions(kubernetesVersion, List.of(), List.of(), false, false));
        Engine engine = new Engine(Fixtures.CATALOG, config, Set.of(rule), Set.of());
        return engine.lint(List.of(new ManifestLoader().load(Fixtures.testdata().resolve("rules/" + rule + "/" + fixture))))
                .findings().stream().map(Finding::message).toList();
    }

    @Test
    void sysctlsMadeSafeLaterAreUnsafeOnOlderVersions() {
        assertEquals(List.of(), messages("pss-sysctls", "pass.yaml", "1.29"));
        List<String> on126 = messages("pss-sysctls", "pass.yaml", "1.26");
        assertEquals(5, on126.size(), on126.toString());
        assertEquals("sysctl net.ipv4.ip_local_reserved_ports is only safe from Kubernetes 1.27; remove it from "
                + "securityContext.sysctls", on126.get(0));
    }

    @Test
    void containerEngineTypeIsAllowedFrom131() {
        assertEquals(List.of(), messages("pss-selinux", "pass.yaml", "1.31"));
        List<String> on130 = messages("pss-selinux", "pass.yaml", "1.30");
        assertEquals(1, on130.size(), on130.toString());
        assertEquals(true, on130.get(0).contains("container_engine_t"));
    }

    @Test
    void hostProbesControlStartsAt134() {
        assertEquals(3, messages("pss-host-probes", "fail.yaml", "1.34").size());
        assertEquals(List.of(), messages("pss-host-probes", "fail.yaml", "1.33"));
    }
}
