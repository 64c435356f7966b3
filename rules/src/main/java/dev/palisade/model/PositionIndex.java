package dev.palisade.model;

import java.util.HashMap;
import java.util.Map;

/**
 * Where each node of one object stands in its file. A map entry is located at its key (that is the
 * line people read as "the field"); a list item at its first character.
 */
public final class PositionIndex {
    private final Map<String, Position> positions = new HashMap<>();
    private final Map<String, String> plainScalars = new HashMap<>();

    public void put(String path, Position position) {
        positions.putIfAbsent(path, position);
    }

    /**
     * Remembers the source text of an unquoted scalar that YAML resolved to something other than a
     * string (true, 0755, 1e3...): rules about YAML 1.1 surprises need the text as written.
     */
    public void putPlainScalar(String path, String text) {
        plainScalars.put(path, text);
    }

    /** The source text of an unquoted non-string scalar at {@code path}, or null. */
    public String plainScalar(String path) {
        return plainScalars.get(path);
    }

    public Map<String, String> plainScalars() {
        return Map.copyOf(plainScalars);
    }

    /** The exact position of {@code path}, or null when that node is not in the source. */
    public Position exact(String path) {
        return positions.get(path);
    }

    /**
     * The position of {@code path}, or of its nearest ancestor present in the source: a finding
     * about a missing field points at the object that should contain it.
     */
    public Position locate(String path) {
        for (String p = path; p != null; p = JsonPath.parent(p)) {
            Position found = positions.get(p);
            if (found != null) {
                return found;
            }
        }
        return positions.getOrDefault("", Position.START);
    }

    public int size() {
        return positions.size();
    }
}
