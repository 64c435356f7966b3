package dev.palisade.index;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Copies the trees of index views into less memory, because a lint run keeps them to its end: a
 * mapping holds its keys and values in one array instead of a hash map with an entry object per
 * field, and equal keys and texts (field names, label values, names repeated in selectors) are one
 * shared instance. One instance serves one lint run: its tables are dropped with it, the shared
 * strings stay with the views. Thread-safe, so views are made on every core.
 */
final class CompactTrees {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Longer texts (descriptions, embedded files) are seldom repeated: not worth a table entry. */
    private static final int SHARED_TEXT_MAX = 64;

    private final Map<String, String> keys = new ConcurrentHashMap<>();
    private final Map<String, TextNode> texts = new ConcurrentHashMap<>();

    /** A deep copy of {@code node}; scalars other than texts are immutable and kept as they are. */
    JsonNode copy(JsonNode node) {
        if (node instanceof ObjectNode object) {
            Fields fields = new Fields(object.size());
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                fields.put(keys.computeIfAbsent(e.getKey(), k -> k), copy(e.getValue()));
            }
            return new ObjectNode(NODES, fields);
        }
        if (node instanceof ArrayNode array) {
            List<JsonNode> items = new ArrayList<>(array.size());
            for (JsonNode item : array) {
                items.add(copy(item));
            }
            return new ArrayNode(NODES, items);
        }
        if (node instanceof TextNode text && text.textValue().length() <= SHARED_TEXT_MAX) {
            return texts.computeIfAbsent(text.textValue(), t -> text);
        }
        return node;
    }

    /**
     * The fields of a mapping in insertion order, in one array of keys and values. Lookups scan it:
     * the mappings of a view have a handful of fields. Writable like the map Jackson would use,
     * though nothing writes to a view.
     */
    static final class Fields extends AbstractMap<String, JsonNode> {
        private Object[] slots; // key, value, key, value...
        private int size;

        Fields(int capacity) {
            slots = new Object[2 * Math.max(capacity, 1)];
        }

        @Override
        public int size() {
            return size;
        }

        private int find(Object key) {
            for (int i = 0; i < size; i++) {
                Object k = slots[2 * i];
                if (k == key || k.equals(key)) {
                    return i;
                }
            }
            return -1;
        }

        @Override
        public boolean containsKey(Object key) {
            return find(key) >= 0;
        }

        @Override
        public JsonNode get(Object key) {
            int i = find(key);
            return i < 0 ? null : (JsonNode) slots[2 * i + 1];
        }

        @Override
        public JsonNode put(String key, JsonNode value) {
            int i = find(key);
            if (i >= 0) {
                JsonNode old = (JsonNode) slots[2 * i + 1];
                slots[2 * i + 1] = value;
                return old;
            }
            if (2 * size == slots.length) {
                slots = Arrays.copyOf(slots, 2 * slots.length);
            }
            slots[2 * size] = key;
            slots[2 * size + 1] = value;
            size++;
            return null;
        }

        @Override
        public JsonNode remove(Object key) {
            int i = find(key);
            if (i < 0) {
                return null;
            }
            JsonNode old = (JsonNode) slots[2 * i + 1];
            removeAt(i);
            return old;
        }

        private void removeAt(int i) {
            System.arraycopy(slots, 2 * i + 2, slots, 2 * i, 2 * (size - i - 1));
            size--;
            slots[2 * size] = null;
            slots[2 * size + 1] = null;
        }

        @Override
        public void clear() {
            Arrays.fill(slots, null);
            size = 0;
        }

        @Override
        public Set<Map.Entry<String, JsonNode>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public int size() {
                    return size;
                }

                @Override
                public Iterator<Map.Entry<String, JsonNode>> iterator() {
                    return new Iterator<>() {
                        private int next;
                        private boolean removable;

                        @Override
                        public boolean hasNext() {
                            return next < size;
                        }

                        @Override
                        public Map.Entry<String, JsonNode> next() {
                            if (next >= size) {
                                throw new NoSuchElementException();
                            }
                            int i = next++;
                            removable = true;
                            return new Entry(i);
                        }

                        @Override
                        public void remove() {
                            if (!removable) {
                                throw new IllegalStateException();
                            }
                            removable = false;
                            removeAt(--next);
                        }
                    };
                }
            };
        }

        /** A live entry, so that {@code setValue} writes through as a hash map's entry does. */
        private final class Entry implements Map.Entry<String, JsonNode> {
            private final int index;

            Entry(int index) {
                this.index = index;
            }

            @Override
            public String getKey() {
                return (String) slots[2 * index];
            }

            @Override
            public JsonNode getValue() {
                return (JsonNode) slots[2 * index + 1];
            }

            @Override
            public JsonNode setValue(JsonNode value) {
                JsonNode old = getValue();
                slots[2 * index + 1] = value;
                return old;
            }

            @Override
            public boolean equals(Object o) {
                return o instanceof Map.Entry<?, ?> e && getKey().equals(e.getKey()) && getValue().equals(e.getValue());
            }

            @Override
            public int hashCode() {
                return getKey().hashCode() ^ getValue().hashCode();
            }
        }
    }
}
