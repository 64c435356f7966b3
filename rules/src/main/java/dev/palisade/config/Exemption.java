package dev.palisade.config;

import dev.palisade.model.ManifestObject;
import dev.palisade.model.Position;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A configured exemption: the rules it covers (all when empty) for objects matching every given
 * glob. {@code reason} is required so that exemptions explain themselves in review.
 */
public record Exemption(List<String> rules, List<String> kinds, List<String> namespaces, List<String> names,
        List<String> paths, String reason, Position position) {

    public boolean covers(String ruleId) {
        return rules.isEmpty() || rules.contains(ruleId);
    }

    public boolean matches(ManifestObject o) {
        return anyGlob(kinds, o.kind()) && anyGlob(namespaces, o.namespace()) && anyGlob(names, o.name())
                && anyPath(paths, o.source());
    }

    private static boolean anyGlob(List<String> globs, String value) {
        if (globs.isEmpty()) {
            return true;
        }
        if (value == null) {
            return false;
        }
        return globs.stream().anyMatch(g -> globToRegex(g).matcher(value).matches());
    }

    private static boolean anyPath(List<String> globs, String file) {
        if (globs.isEmpty()) {
            return true;
        }
        if (file == null) {
            return false;
        }
        Path p = Path.of(file).normalize();
        for (String g : globs) {
            PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + g);
            if (m.matches(p) || m.matches(p.getFileName() == null ? p : p.getFileName())) {
                return true;
            }
        }
        return false;
    }

    static Pattern globToRegex(String glob) {
        StringBuilder sb = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> sb.append(".*");
                case '?' -> sb.append('.');
                default -> sb.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(sb.toString());
    }
}
