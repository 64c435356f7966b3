package dev.palisade.load;

import java.util.Arrays;

/**
 * One shared {@code String} instance per short text the fast YAML reader meets again and again: the
 * keys of a manifest ({@code metadata}, {@code containers}, {@code image}...) and its common values
 * ({@code apps/v1}, {@code TCP}, {@code IfNotPresent}...).
 *
 * <p>Why: every tree lookup a rule makes ({@code node.get("spec")}) is a hash map lookup whose key
 * comparison is an identity hit when the tree's key is the very instance of the rule's literal, and a
 * byte-by-byte comparison otherwise; and 50,000 objects holding their own copy of each key cost tens
 * of megabytes of heap. Keys are interned, so they are the instances of the code's literals too.
 *
 * <p>The tables are lossy and lock-free: one slot per hash, a colliding text simply replaces the
 * slot's occupant (the next occurrence of the old one makes a new instance, equal in content). A
 * racing read sees either string, both complete ({@code String} is immutable), so sharing the tables
 * between loader threads is safe. Hostile input cannot grow them: their size is fixed, and long texts
 * are never kept.
 */
final class CanonicalStrings {
    /** Texts longer than this are rarely repeated (descriptions, certificates): not kept. */
    private static final int MAX_CHARS = 64;
    private static final int KEY_SLOTS = 1 << 12;
    private static final int VALUE_SLOTS = 1 << 13;
    private static final Entry[] KEYS = new Entry[KEY_SLOTS];
    private static final Entry[] VALUES = new Entry[VALUE_SLOTS];

    /** A kept text with its characters (compared in bulk, not one {@code charAt} at a time) and hash. */
    private record Entry(String text, char[] chars, int hash) {
    }

    private CanonicalStrings() {
    }

    /** A mapping key: interned, so that it is the instance of an equal string literal. */
    static String key(char[] buf, int start, int end) {
        return lookup(KEYS, buf, start, end, true);
    }

    /** A scalar value (names and other one-off texts take a slot but are not interned). */
    static String value(char[] buf, int start, int end) {
        return lookup(VALUES, buf, start, end, false);
    }

    private static String lookup(Entry[] table, char[] buf, int start, int end, boolean intern) {
        int length = end - start;
        if (length > MAX_CHARS) {
            return new String(buf, start, length);
        }
        int hash = 0;
        for (int i = start; i < end; i++) {
            hash = 31 * hash + buf[i];
        }
        int slot = (hash ^ (hash >>> 15)) & (table.length - 1);
        Entry known = table[slot];
        if (known != null && known.hash() == hash && Arrays.equals(known.chars(), 0, known.chars().length, buf, start, end)) {
            return known.text();
        }
        String fresh = new String(buf, start, length);
        if (intern) {
            fresh = fresh.intern();
        }
        table[slot] = new Entry(fresh, Arrays.copyOfRange(buf, start, end), hash);
        return fresh;
    }
}
