package dev.palisade.cli.render;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** An external program found on PATH (helm, kubectl), run with a time limit. */
final class Tool {
    private static final long TIMEOUT_SECONDS = 120;

    private Tool() {
    }

    static Optional<Path> onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Runs the command and returns its standard output; a failure carries the tool's own message. */
    static String run(List<String> command, String what) throws RenderException {
        Process p;
        try {
            p = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        } catch (IOException e) {
            throw new RenderException("cannot run " + command.get(0) + ": " + e.getMessage());
        }
        CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
        try {
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new RenderException(what + " did not finish within " + TIMEOUT_SECONDS + " s");
            }
            String stdout = new String(out.join(), StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                String stderr = new String(err.join(), StandardCharsets.UTF_8).strip();
                throw new RenderException(what + " failed (exit " + p.exitValue() + "): "
                        + (stderr.isEmpty() ? "no message" : stderr.lines().limit(10).reduce((a, b) -> a + "\n  " + b).orElse("")));
            }
            return stdout;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new RenderException(what + " was interrupted");
        }
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            in.transferTo(buf);
            return buf.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
