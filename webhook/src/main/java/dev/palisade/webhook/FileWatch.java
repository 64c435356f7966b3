package dev.palisade.webhook;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;

/**
 * Notices when files change by content. Polling the content is deliberate: Kubernetes swaps
 * ConfigMap and Secret mounts through a {@code ..data} symlink, which WatchService misses, and a
 * content digest ignores touches that change nothing.
 */
final class FileWatch {
    private final List<Path> files;
    private byte[] digest;

    FileWatch(List<Path> files) {
        this.files = List.copyOf(files);
        this.digest = digestOrNull();
    }

    /** True once per change of any file's content (unreadable files count as unchanged). */
    synchronized boolean changed() {
        byte[] now = digestOrNull();
        if (now == null || Arrays.equals(now, digest)) {
            return false;
        }
        digest = now;
        return true;
    }

    private byte[] digestOrNull() {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (Path p : files) {
                md.update(Files.readAllBytes(p));
                md.update((byte) 0);
            }
            return md.digest();
        } catch (IOException e) {
            return null; // mid-swap or deleted: look again next time
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
