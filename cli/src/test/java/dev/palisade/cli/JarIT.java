package dev.palisade.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The shaded jar as users run it: a separate process, real exit codes and streams. */
class JarIT {
    private static final Path JAR = Path.of(System.getProperty("palisade.jar", "target/palisade.jar")).toAbsolutePath();

    private record Run(int exit, String out, String err) {
    }

    @Test
    void versionAndDemo() throws Exception {
        Run v = run(Map.of(), null, "--version");
        assertEquals(0, v.exit(), v::toString);
        assertTrue(v.out().startsWith("palisade "), v::toString);

        Run demo = run(Map.of(), null, "lint", "testdata/demo");
        assertEquals(1, demo.exit(), demo::toString);
        assertTrue(demo.out().contains("testdata/demo/course/2-welcome-deploy.yaml:7:3  error    field-type-invalid"), demo::toString);
        assertTrue(demo.out().lines().reduce((a, b) -> b).orElse("").matches("\\d+ findings? \\(.*\\) in \\d+ files, \\d+ objects\\."),
                demo::toString);
        assertEquals("", demo.err());
    }

    @Test
    void stdinAndJson() throws Exception {
        Run r = run(Map.of(), "apiVersion: v1\nkind: Pod\nmetadata: {name: x}\n", "lint", "-f", "json", "--rule", "bare-pod", "-");
        assertEquals(0, r.exit(), r::toString);
        assertEquals("bare-pod", new ObjectMapper().readTree(r.out()).path("findings").path(0).path("rule").asText());
    }

    @Test
    void userErrorsAreExitTwoWithoutStackTrace() throws Exception {
        for (String[] args : List.of(new String[] {"lint", "--no-such-flag"}, new String[] {"lint", "missing.yaml"},
                new String[] {"explain", "nope"})) {
            Run r = run(Map.of(), null, args);
            assertEquals(2, r.exit(), r::toString);
            assertTrue(r.err().startsWith("palisade: "), r::toString);
            assertFalse(r.err().contains("\tat "), r::toString);
        }
    }

    @Test
    void missingHelmIsAClearError() throws Exception {
        Run r = run(Map.of("PATH", "/nonexistent"), null, "lint", "--helm-chart", "testdata/helm/web");
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().contains("helm is not on PATH"), r::toString);
        Run k = run(Map.of("PATH", "/nonexistent"), null, "lint", "testdata/kustomize/overlays/prod");
        assertEquals(2, k.exit(), k::toString);
        assertTrue(k.err().contains("neither kubectl nor kustomize is on PATH"), k::toString);
        Run nested = run(Map.of("PATH", "/nonexistent"), null, "lint", "--rule", "bare-pod", "testdata/helm");
        assertEquals(0, nested.exit(), nested::toString);
        assertTrue(nested.err().contains("testdata/helm/web: Helm chart skipped: helm is not on PATH"), nested::toString);
    }

    private static Run run(Map<String, String> env, String stdin, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-jar", JAR.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(CliRunner.REPO.toFile());
        pb.environment().putAll(env);
        Path out = Files.createTempFile("palisade-out", ".txt");
        Path err = Files.createTempFile("palisade-err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        try (var in = p.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        }
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("palisade did not finish: " + cmd);
        }
        Run r = new Run(p.exitValue(), Files.readString(out), Files.readString(err));
        Files.delete(out);
        Files.delete(err);
        return r;
    }
}
