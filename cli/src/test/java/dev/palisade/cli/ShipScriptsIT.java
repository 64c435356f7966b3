package dev.palisade.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs the repository's proof scripts against the jar this build produced, so that {@code mvn verify}
 * (what .ci/run calls after installing the tools) proves the chart and the pre-commit hook. Each is
 * skipped, saying why, when a tool it drives is not on PATH.
 */
class ShipScriptsIT {
    private static final Path JAR = Path.of(System.getProperty("palisade.jar", "target/palisade.jar")).toAbsolutePath();

    @Test
    void helmChartLintsRendersAndIsCleanUnderPalisade() throws Exception {
        assumeTrue(RenderWiringTest.onPath("helm"), "helm not on PATH (eval \"$(.ci/tools)\" installs it)");
        runScript(".ci/chart-test", 300);
    }

    @Test
    void preCommitHookBlocksBadManifestsAndPassesGoodOnes() throws Exception {
        assumeTrue(RenderWiringTest.onPath("pre-commit"), "pre-commit not on PATH");
        assumeTrue(Files.isDirectory(CliRunner.REPO.resolve(".git")) || Files.isRegularFile(CliRunner.REPO.resolve(".git")),
                "not a git checkout");
        runScript(".ci/precommit-test", 600);
    }

    private static void runScript(String script, int timeoutSeconds) throws IOException, InterruptedException {
        Path log = Files.createTempFile("palisade-script", ".log");
        ProcessBuilder pb = new ProcessBuilder("bash", script).directory(CliRunner.REPO.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("PALISADE_JAR", JAR.toString());
        Process p = pb.start();
        p.getOutputStream().close();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(script + " did not finish within " + timeoutSeconds + " s:\n" + Files.readString(log));
        }
        String output = Files.readString(log);
        Files.delete(log);
        assertEquals(0, p.exitValue(), () -> script + " failed:\n" + output);
    }
}
