package dev.palisade.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds and splits the JSON paths findings point at: {@code spec.template.spec.containers[0].image},
 * with keys that are not plain identifiers quoted: {@code metadata.labels['app.kubernetes.io/name']}.
 * The root of an object is the empty string.
 */
public final class JsonPath {
    private JsonPath() {
    }

    public static String child(String parent, String key) {
        if (!isPlain(key)) {
            return parent + "['" + key.replace("\\", "\\\\").replace("'", "\\'") + "']";
        }
        return parent.isEmpty() ? key : parent + "." + key;
    }

    /**
     * Whether a key needs no quoting: {@code [A-Za-z_$][A-Za-z0-9_$-]*}. Checked by hand because the
     * loader builds a path for every node it reads and a regex match was a tenth of the lint time.
     */
    private static boolean isPlain(String key) {
        if (key.isEmpty() || !isPlainStart(key.charAt(0))) {
            return false;
        }
        for (int i = 1; i < key.length(); i++) {
            char c = key.charAt(i);
            if (!isPlainStart(c) && !(c >= '0' && c <= '9') && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static boolean isPlainStart(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' || c == '$';
    }

    public static String index(String parent, int index) {
        return parent + "[" + index + "]";
    }

    /** Joins plain keys: {@code of("spec", "template")} is {@code spec.template}. */
    public static String of(String... keys) {
        String path = "";
        for (String key : keys) {
            path = child(path, key);
        }
        return path;
    }

    /** The path one level up, or null for the root. */
    public static String parent(String path) {
        if (path.isEmpty()) {
            return null;
        }
        List<String> segments = segments(path);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < segments.size() - 1; i++) {
            String s = segments.get(i);
            if (i > 0 && !s.startsWith("[")) {
                sb.append('.');
            }
            sb.append(s);
        }
        return sb.toString();
    }

    /** Splits a path into its raw segments: {@code a}, {@code [0]}, {@code ['x.y']}. */
    static List<String> segments(String path) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < path.length()) {
            char c = path.charAt(i);
            if (c == '.') {
                i++;
                continue;
            }
            int start = i;
            if (c == '[') {
                boolean quoted = i + 1 < path.length() && path.charAt(i + 1) == '\'';
                i++;
                if (quoted) {
                    i++;
                    while (i < path.length() && path.charAt(i) != '\'') {
                        i += path.charAt(i) == '\\' ? 2 : 1;
                    }
                    i++;
                }
                while (i < path.length() && path.charAt(i) != ']') {
                    i++;
                }
                i++;
            } else {
                while (i < path.length() && path.charAt(i) != '.' && path.charAt(i) != '[') {
                    i++;
                }
            }
            out.add(path.substring(start, Math.min(i, path.length())));
        }
        return out;
    }
}
