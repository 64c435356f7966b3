package dev.palisade.model;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each node of one object stands in its file. A map entry is located at its key (that is the
 * line people read as "the field"); a list item at its first character.
 *
 * <p>Positions are kept in a tree shaped like the object ({@link Entry}), not keyed by path strings:
 * the loader records every node of every object, while paths are only needed for the few nodes a
 * finding points at, so they are parsed at lookup instead of being built for each node on load.
 */
public final class PositionIndex {
    private Entry root;

    /**
     * The position of one node and of its children: fields by key, list items by index. A lint set
     * keeps one entry per node of every object until the end of the run, so children sit in plain
     * arrays (a field's key next to its entry) rather than in a map and a list per node; only large
     * maps get a hash index for their lookups.
     */
    public static final class Entry {
        /** Above this many fields a map's keys are also hashed, so that building it stays linear. */
        private static final int HASHED_FIELDS = 16;

        private final int line;
        private final int column;
        private String plainScalar;
        private Object[] fields; // key, entry, key, entry...
        private int fieldCount;
        private Map<String, Entry> fieldIndex;
        private Entry[] items;
        private int itemCount;

        private Entry(Position position) {
            this.line = position.line();
            this.column = position.column();
        }

        /** The entry of field {@code key}, recorded at {@code position} unless it already was. */
        public Entry field(String key, Position position) {
            Entry e = fieldEntry(key);
            if (e == null) {
                e = new Entry(position);
                addField(key, e);
            }
            return e;
        }

        private Entry fieldEntry(String key) {
            if (fieldIndex != null) {
                return fieldIndex.get(key);
            }
            for (int i = 0; i < fieldCount; i++) {
                if (key.equals(fields[2 * i])) {
                    return (Entry) fields[2 * i + 1];
                }
            }
            return null;
        }

        private void addField(String key, Entry e) {
            if (fields == null) {
                fields = new Object[4];
            } else if (2 * fieldCount == fields.length) {
                fields = Arrays.copyOf(fields, 2 * fields.length);
            }
            fields[2 * fieldCount] = key;
            fields[2 * fieldCount + 1] = e;
            fieldCount++;
            if (fieldIndex != null) {
                fieldIndex.put(key, e);
            } else if (fieldCount > HASHED_FIELDS) {
                fieldIndex = new HashMap<>(2 * fieldCount);
                for (int i = 0; i < fieldCount; i++) {
                    fieldIndex.put((String) fields[2 * i], (Entry) fields[2 * i + 1]);
                }
            }
        }

        /** The entry of list item {@code index}, recorded at {@code position} unless it already was. */
        public Entry item(int index, Position position) {
            if (items == null) {
                items = new Entry[Math.max(2, index + 1)];
            } else if (index >= items.length) {
                items = Arrays.copyOf(items, Math.max(2 * items.length, index + 1));
            }
            itemCount = Math.max(itemCount, index + 1);
            Entry e = items[index];
            if (e == null) {
                e = new Entry(position);
                items[index] = e;
            }
            return e;
        }

        /** See {@link PositionIndex#putPlainScalar}. */
        public void plainScalar(String text) {
            plainScalar = text;
        }

        Position position() {
            return new Position(line, column);
        }

        private Entry child(String segment) {
            if (segment.startsWith("[")) {
                if (segment.startsWith("['")) {
                    return fieldEntry(unquote(segment));
                }
                int index = parseIndex(segment);
                return index < 0 || index >= itemCount ? null : items[index];
            }
            return fieldEntry(segment);
        }

        private Entry childFor(String segment, Position position) {
            if (segment.startsWith("[") && !segment.startsWith("['")) {
                int index = parseIndex(segment);
                return index < 0 ? null : item(index, position);
            }
            return field(segment.startsWith("[") ? unquote(segment) : segment, position);
        }

        private int count() {
            int n = 1;
            for (int i = 0; i < fieldCount; i++) {
                n += ((Entry) fields[2 * i + 1]).count();
            }
            for (int i = 0; i < itemCount; i++) {
                n += items[i] == null ? 0 : items[i].count();
            }
            return n;
        }

        private void collectPlainScalars(String path, Map<String, String> out) {
            if (plainScalar != null) {
                out.put(path, plainScalar);
            }
            for (int i = 0; i < fieldCount; i++) {
                ((Entry) fields[2 * i + 1]).collectPlainScalars(JsonPath.child(path, (String) fields[2 * i]), out);
            }
            for (int i = 0; i < itemCount; i++) {
                if (items[i] != null) {
                    items[i].collectPlainScalars(JsonPath.index(path, i), out);
                }
            }
        }
    }

    /** The entry of the object's root, recorded at {@code position} unless it already was. */
    public Entry root(Position position) {
        if (root == null) {
            root = new Entry(position);
        }
        return root;
    }

    public void put(String path, Position position) {
        Entry e = root(position);
        for (String segment : JsonPath.segments(path)) {
            e = e.childFor(segment, position);
            if (e == null) {
                return; // not a path an object can have ([-1]); nothing to locate there
            }
        }
    }

    /**
     * Remembers the source text of an unquoted scalar that YAML resolved to something other than a
     * string (true, 0755, 1e3...): rules about YAML 1.1 surprises need the text as written.
     */
    public void putPlainScalar(String path, String text) {
        Entry e = find(path);
        if (e != null) {
            e.plainScalar(text);
        }
    }

    /** The source text of an unquoted non-string scalar at {@code path}, or null. */
    public String plainScalar(String path) {
        Entry e = find(path);
        return e == null ? null : e.plainScalar;
    }

    public Map<String, String> plainScalars() {
        Map<String, String> out = new HashMap<>();
        if (root != null) {
            root.collectPlainScalars("", out);
        }
        return Map.copyOf(out);
    }

    /** The exact position of {@code path}, or null when that node is not in the source. */
    public Position exact(String path) {
        Entry e = find(path);
        return e == null ? null : e.position();
    }

    /**
     * The position of {@code path}, or of its nearest ancestor present in the source: a finding
     * about a missing field points at the object that should contain it.
     */
    public Position locate(String path) {
        if (root == null) {
            return Position.START;
        }
        Entry e = root;
        for (String segment : JsonPath.segments(path)) {
            Entry next = e.child(segment);
            if (next == null) {
                break;
            }
            e = next;
        }
        return e.position();
    }

    /** The number of nodes recorded. */
    public int size() {
        return root == null ? 0 : root.count();
    }

    private Entry find(String path) {
        Entry e = root;
        for (String segment : path == null ? List.<String>of() : JsonPath.segments(path)) {
            if (e == null) {
                return null;
            }
            e = e.child(segment);
        }
        return e;
    }

    private static int parseIndex(String segment) {
        try {
            return Integer.parseInt(segment.substring(1, segment.length() - 1));
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
            return -1;
        }
    }

    /** {@code ['a.b\'c']} to {@code a.b'c}, undoing {@link JsonPath#child}'s escaping. */
    private static String unquote(String segment) {
        int end = segment.endsWith("']") ? segment.length() - 2 : segment.length();
        StringBuilder sb = new StringBuilder();
        for (int i = 2; i < end; i++) {
            char c = segment.charAt(i);
            if (c == '\\' && i + 1 < end) {
                c = segment.charAt(++i);
            }
            sb.append(c);
        }
        return sb.toString();
    }
}
